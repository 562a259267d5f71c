import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Welcome, {user.name}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Your workspace will live here. Meanwhile, manage your email, password and devices in{" "}
        <Link
          href="/settings"
          className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
        >
          Settings
        </Link>
        .
      </p>
    </div>
  );
}
