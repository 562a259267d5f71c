"use client";
/**
 * /w/[slug]/members. What shows follows the caller's permissions (`workspace.get`): the invite
 * form and pending invitations with "members:invite", role and remove controls with
 * "members:manage"; a read-only list otherwise.
 */
import { useSuspenseQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { Section } from "@/components/ui/section";
import { InvitationList } from "@/components/workspace/invitation-list";
import { InviteForm } from "@/components/workspace/invite-form";
import { MemberList } from "@/components/workspace/member-list";
import { ListSkeleton } from "@/components/ui/skeleton";
import { allows } from "@/schemas/permissions";
import { useTRPC } from "@/trpc/client";

export function MembersPanel({ slug, currentUserId }: { slug: string; currentUserId: string }) {
  const trpc = useTRPC();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const canInvite = allows(workspace, "members:invite");
  return (
    <div className="space-y-8">
      {canInvite && (
        <Section
          id="invite-heading"
          title="Invite a member"
          description="We email them a link to join this workspace."
        >
          <InviteForm workspaceSlug={slug} canManageBilling={allows(workspace, "billing:manage")} />
        </Section>
      )}
      <Section
        id="members-heading"
        title="Members"
        layout="stacked"
        description={
          allows(workspace, "members:manage")
            ? "Change roles or remove people. The owner's role changes only by a transfer of ownership."
            : "Everyone in this workspace. Owners and admins manage members."
        }
      >
        <Suspense fallback={<ListSkeleton label="Loading members" />}>
          <MemberList workspace={workspace} currentUserId={currentUserId} />
        </Suspense>
      </Section>
      {canInvite && (
        <Section
          id="invitations-heading"
          title="Pending invitations"
          layout="stacked"
          description="Invitations not accepted yet."
        >
          <Suspense fallback={<ListSkeleton label="Loading invitations" />}>
            <InvitationList workspaceSlug={slug} />
          </Suspense>
        </Section>
      )}
    </div>
  );
}
