"use client";
/** /w/[slug]/settings: each section shows only with the permission it needs. */
import { useSuspenseQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { PictureUpload } from "@/components/settings/picture-upload";
import { Section } from "@/components/ui/section";
import { DeleteWorkspaceForm } from "@/components/workspace/delete-workspace-form";
import { LeaveWorkspace } from "@/components/workspace/leave-workspace";
import { RenameWorkspaceForm } from "@/components/workspace/rename-workspace-form";
import { ListSkeleton } from "@/components/ui/skeleton";
import { allows } from "@/schemas/permissions";
import { TransferOwnershipForm } from "@/components/workspace/transfer-ownership-form";
import { useTRPC } from "@/trpc/client";

export function SettingsPanel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const isOwner = workspace.role === "owner";
  const canUpdate = allows(workspace, "workspace:update");
  return (
    <div className="space-y-8">
      <h2 className="sr-only">Settings</h2>
      {!canUpdate && (
        <Alert tone="info">
          Only the owner of {workspace.name} can rename, transfer or delete it.
        </Alert>
      )}
      {canUpdate && (
        <Section id="rename-heading" title="Name" description="Shown to everyone in the workspace.">
          <RenameWorkspaceForm key={workspace.name} workspace={workspace} />
        </Section>
      )}
      {canUpdate && (
        <Section
          id="logo-heading"
          title="Logo"
          description="Shown in the workspace switcher and to members. Without one, its initials."
        >
          <PictureUpload
            target={{ kind: "logo", workspaceSlug: slug }}
            name={workspace.name}
            currentUrl={workspace.logo?.s256 ?? null}
          />
        </Section>
      )}
      {allows(workspace, "workspace:transfer") && (
        <Section
          id="transfer-heading"
          title="Transfer ownership"
          description="Make another member the owner. You stay as an admin."
        >
          <Suspense fallback={<ListSkeleton label="Loading members" rows={1} />}>
            <TransferOwnershipForm workspace={workspace} />
          </Suspense>
        </Section>
      )}
      {isOwner ? (
        <Section id="leave-heading" title="Leave workspace" description="The owner cannot leave.">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Transfer ownership to another member first, then leave as an admin, or delete the
            workspace.
          </p>
        </Section>
      ) : (
        <Section
          id="leave-heading"
          title="Leave workspace"
          description="You lose access until someone invites you again."
          tone="danger"
        >
          <LeaveWorkspace workspace={workspace} />
        </Section>
      )}
      {allows(workspace, "workspace:delete") && (
        <Section
          id="delete-heading"
          title="Delete workspace"
          description="Deletes the workspace for everyone. This cannot be undone."
          tone="danger"
        >
          <DeleteWorkspaceForm workspace={workspace} />
        </Section>
      )}
    </div>
  );
}
