"use client";
/**
 * What a /w/<slug> page shows to someone who may not see it: a workspace that does not exist, one
 * they are not (or no longer) a member of, or one deleted meanwhile all read the same, so the page
 * reveals nothing of a workspace's existence. It refreshes the workspace switcher's list, which
 * may still hold the lost workspace.
 */
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { useTRPC } from "@/trpc/client";

export function NoWorkspaceAccess() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
  }, [queryClient, trpc]);
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this workspace</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        It may have been deleted, or you are not a member of it. Ask one of its admins to invite
        you.
      </p>
      <Link
        href="/dashboard"
        className="inline-flex min-h-10 items-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Go to your dashboard
      </Link>
    </div>
  );
}
