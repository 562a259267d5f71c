"use client";
/**
 * The members of a workspace (`member.list`). With "members:manage", each other non-owner row gets
 * a role select and a Remove button (confirmed in a dialog); otherwise the list is read-only.
 */
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { DateText } from "@/components/ui/date-text";
import { RoleBadge, roleLabels } from "@/components/workspace/roles";
import type { Member, WorkspaceDetails } from "@/components/workspace/types";
import { allows } from "@/schemas/permissions";
import { assignableRoles, isAssignableRole } from "@/schemas/constants";
import { useTRPC } from "@/trpc/client";

function MemberRow({
  member,
  workspace,
  isMe,
}: {
  member: Member;
  workspace: WorkspaceDetails;
  isMe: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const workspaceSlug = workspace.slug;
  const manageable = allows(workspace, "members:manage") && member.role !== "owner" && !isMe;
  const invalidateMembers = () =>
    queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey({ workspaceSlug }) });

  const updateRole = useMutation(
    trpc.member.updateRole.mutationOptions({
      onSuccess: ({ role }) => {
        toast.success(`${member.name} is now ${roleLabels[role].toLowerCase()}.`);
        return invalidateMembers();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      onSuccess: () => {
        toast.success(`${member.name} was removed from ${workspace.name}.`);
        setConfirming(false);
        return invalidateMembers();
      },
      onError: (error) => {
        setConfirming(false);
        toast.error(errorMessage(error));
      },
    }),
  );

  return (
    <li
      data-testid="member-row"
      data-email={member.email}
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex min-w-0 items-start gap-3">
        <Avatar name={member.name} src={member.avatarUrl} />
        <div className="min-w-0 space-y-0.5">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <span className="min-w-0 wrap-anywhere">{member.name}</span>
            {isMe && <Badge tone="emerald">You</Badge>}
            {!manageable && (
              <span className="sm:hidden">
                <RoleBadge role={member.role} />
              </span>
            )}
          </p>
          <p className="text-sm break-all text-zinc-600 dark:text-zinc-400">{member.email}</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Joined <DateText date={member.joinedAt} />
          </p>
        </div>
      </div>
      <div className={`${manageable ? "flex" : "hidden sm:flex"} shrink-0 items-center gap-2`}>
        {manageable ? (
          <>
            <Select
              aria-label={`Role of ${member.name}`}
              className="w-auto min-w-28"
              value={updateRole.isPending ? updateRole.variables.role : member.role}
              disabled={updateRole.isPending || remove.isPending}
              aria-busy={updateRole.isPending || undefined}
              onChange={(event) => {
                const role = event.target.value;
                if (isAssignableRole(role) && role !== member.role) {
                  updateRole.mutate({ workspaceSlug, userId: member.userId, role });
                }
              }}
            >
              {assignableRoles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </Select>
            <Button
              variant="secondary"
              aria-label={`Remove ${member.name}`}
              disabled={updateRole.isPending}
              pending={remove.isPending}
              pendingText="Removing…"
              onClick={() => setConfirming(true)}
            >
              Remove
            </Button>
            <ConfirmDialog
              open={confirming}
              title={`Remove ${member.name}?`}
              confirmLabel="Remove member"
              pendingLabel="Removing…"
              pending={remove.isPending}
              onClose={() => setConfirming(false)}
              onConfirm={() => remove.mutate({ workspaceSlug, userId: member.userId })}
            >
              {member.name} ({member.email}) loses access to {workspace.name} right away. You can
              invite them again later.
            </ConfirmDialog>
          </>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </div>
    </li>
  );
}

export function MemberList({
  workspace,
  currentUserId,
}: {
  workspace: WorkspaceDetails;
  currentUserId: string;
}) {
  const trpc = useTRPC();
  const { data: members } = useSuspenseQuery(
    trpc.member.list.queryOptions({ workspaceSlug: workspace.slug }),
  );
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Members">
      {members.map((member) => (
        <MemberRow
          key={member.userId}
          member={member}
          workspace={workspace}
          isMe={member.userId === currentUserId}
        />
      ))}
    </ul>
  );
}
