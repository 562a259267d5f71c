"use client";
/** Pending invitations of a workspace (`invitation.list`, owners and admins) with Resend and Revoke. */
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { RoleBadge } from "@/components/workspace/roles";
import type { Invitation } from "@/components/workspace/types";
import { useTRPC } from "@/trpc/client";

function InvitationRow({
  invitation,
  workspaceSlug,
}: {
  invitation: Invitation;
  workspaceSlug: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey({ workspaceSlug }) });
  const resend = useMutation(
    trpc.invitation.resend.mutationOptions({
      onSuccess: () => {
        toast.success(`A new link was sent to ${invitation.email}; the old one no longer works.`);
        return invalidate();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: () => {
        toast.success(`The invitation to ${invitation.email} was revoked.`);
        return invalidate();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const busy = resend.isPending || revoke.isPending;
  const input = { workspaceSlug, invitationId: invitation.id };
  return (
    <li
      data-testid="invitation-row"
      data-email={invitation.email}
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0 space-y-0.5">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="break-all">{invitation.email}</span>
          <RoleBadge role={invitation.role} />
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Invited by {invitation.invitedBy} on <DateText date={invitation.createdAt} /> · expires{" "}
          <DateText date={invitation.expiresAt} />
        </p>
      </div>
      <div className="flex shrink-0 gap-2">
        <Button
          variant="secondary"
          aria-label={`Resend invitation to ${invitation.email}`}
          disabled={busy}
          pending={resend.isPending}
          pendingText="Sending…"
          onClick={() => resend.mutate(input)}
        >
          Resend
        </Button>
        <Button
          variant="secondary"
          aria-label={`Revoke invitation to ${invitation.email}`}
          className="text-red-700 dark:text-red-400"
          disabled={busy}
          pending={revoke.isPending}
          pendingText="Revoking…"
          onClick={() => revoke.mutate(input)}
        >
          Revoke
        </Button>
      </div>
    </li>
  );
}

export function InvitationList({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const { data: invitations } = useSuspenseQuery(
    trpc.invitation.list.queryOptions({ workspaceSlug }),
  );
  if (invitations.length === 0) {
    return <EmptyState>No pending invitations.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Pending invitations">
      {invitations.map((invitation) => (
        <InvitationRow key={invitation.id} invitation={invitation} workspaceSlug={workspaceSlug} />
      ))}
    </ul>
  );
}
