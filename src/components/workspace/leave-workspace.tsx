"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { WorkspaceDetails } from "@/components/workspace/types";
import { useTRPC } from "@/trpc/client";
import { markWorkspaceLost } from "@/trpc/lost-workspaces";

/** "Leave workspace" for everyone but the owner, after a confirmation; then /dashboard. */
export function LeaveWorkspace({ workspace }: { workspace: WorkspaceDetails }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const leave = useMutation(
    trpc.workspace.leave.mutationOptions({
      onSuccess: () => {
        toast.success(`You left ${workspace.name}.`);
        // Back must not bring its pages back from a client cache (WorkspaceGuard).
        markWorkspaceLost(workspace.slug, { notify: false });
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        router.push("/dashboard");
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(errorMessage(error));
      },
    }),
  );
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Leave workspace…
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Leave ${workspace.name}?`}
        confirmLabel="Leave workspace"
        pendingLabel="Leaving…"
        pending={leave.isPending || leave.isSuccess}
        onClose={() => setConfirming(false)}
        onConfirm={() => leave.mutate({ workspaceSlug: workspace.slug })}
      >
        You lose access right away. To come back, someone must invite you again.
      </ConfirmDialog>
    </>
  );
}
