"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";

/**
 * /invite's answers: Accept joins the workspace and opens it; Decline ends the invitation (its
 * admins see it in the activity log) and opens the dashboard.
 */
export function AcceptInvitationButton({
  invitationId,
  workspaceName,
}: {
  invitationId: string;
  workspaceName: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ workspaceSlug }) => {
        toast.success(`You joined ${workspaceName}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.invitation.listMine.queryKey() });
        router.push(`/w/${workspaceSlug}` as Route);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );
  const decline = useMutation(
    trpc.invitation.decline.mutationOptions({
      onSuccess: () => {
        toast.success(`You declined the invitation to ${workspaceName}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.invitation.listMine.queryKey() });
        router.push("/dashboard");
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );
  const busy = accept.isPending || accept.isSuccess || decline.isPending || decline.isSuccess;
  return (
    <div className="space-y-4">
      {error && <Alert>{error}</Alert>}
      <Button
        className="w-full"
        disabled={busy}
        pending={accept.isPending || accept.isSuccess}
        pendingText="Joining…"
        onClick={() => {
          setError(null);
          accept.mutate({ invitationId });
        }}
      >
        Accept invitation
      </Button>
      <Button
        variant="secondary"
        className="w-full"
        disabled={busy}
        pending={decline.isPending || decline.isSuccess}
        pendingText="Declining…"
        onClick={() => {
          setError(null);
          decline.mutate({ invitationId });
        }}
      >
        Decline
      </Button>
    </div>
  );
}
