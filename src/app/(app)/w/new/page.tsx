import type { Metadata } from "next";
import { CreateWorkspaceForm } from "@/components/workspace/create-workspace-form";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Create a workspace" };

export default async function NewWorkspacePage() {
  await requireUser("/w/new");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Create a workspace</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          A workspace holds your team&apos;s work. You will be its owner and can invite others.
        </p>
      </header>
      <CreateWorkspaceForm />
    </div>
  );
}
