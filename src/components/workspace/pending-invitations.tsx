"use client";
/**
 * The dashboard's pending invitations (`invitation.listMine`, prefetched): one card each with
 * Accept, which joins the workspace and opens it, and Decline, which ends the invitation.
 */
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { roleLabel } from "@/components/workspace/roles";
import type { MyInvitation } from "@/components/workspace/types";
import { useTRPC } from "@/trpc/client";

function InvitationCard({ invitation }: { invitation: MyInvitation }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ workspaceSlug }) => {
        toast.success(`You joined ${invitation.workspaceName}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.invitation.listMine.queryKey() });
        router.push(`/w/${workspaceSlug}` as Route);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const decline = useMutation(
    trpc.invitation.decline.mutationOptions({
      onSuccess: () => {
        toast.success(`You declined the invitation to ${invitation.workspaceName}.`);
        return queryClient.invalidateQueries({ queryKey: trpc.invitation.listMine.queryKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const busy = accept.isPending || accept.isSuccess || decline.isPending || decline.isSuccess;
  return (
    <li
      data-testid="my-invitation"
      className="flex flex-col gap-3 rounded-xl border border-indigo-200 bg-indigo-50/60 p-4 sm:flex-row sm:items-center sm:justify-between dark:border-indigo-900/70 dark:bg-indigo-950/30"
    >
      <div className="min-w-0 space-y-1">
        <p className="min-w-0 font-medium wrap-anywhere">{invitation.workspaceName}</p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {invitation.inviterName} invited you as {roleLabel(invitation.role).toLowerCase()} ·
          expires <DateText date={invitation.expiresAt} />
        </p>
      </div>
      <div className="flex shrink-0 gap-2 self-start sm:self-auto">
        <Button
          variant="secondary"
          aria-label={`Decline invitation to ${invitation.workspaceName}`}
          disabled={busy}
          pending={decline.isPending || decline.isSuccess}
          pendingText="Declining…"
          onClick={() => decline.mutate({ invitationId: invitation.id })}
        >
          Decline
        </Button>
        <Button
          aria-label={`Accept invitation to ${invitation.workspaceName}`}
          disabled={busy}
          pending={accept.isPending || accept.isSuccess}
          pendingText="Joining…"
          onClick={() => accept.mutate({ invitationId: invitation.id })}
        >
          Accept
        </Button>
      </div>
    </li>
  );
}

export function PendingInvitations() {
  const trpc = useTRPC();
  const { data: invitations } = useSuspenseQuery(trpc.invitation.listMine.queryOptions());
  if (invitations.length === 0) {
    return (
      <EmptyState>No pending invitations. When someone invites you, it shows here.</EmptyState>
    );
  }
  return (
    <ul className="space-y-3" aria-label="Pending invitations">
      {invitations.map((invitation) => (
        <InvitationCard key={invitation.id} invitation={invitation} />
      ))}
    </ul>
  );
}
