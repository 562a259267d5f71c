/**
 * The first-run checklist of the workspace overview: three steps a new workspace takes, each read
 * from the data itself (nothing is ticked by hand), and the user's dismissal of the list, stored
 * on the user (`User.checklistDismissedAt`): dismissing it once hides it in every workspace.
 */
import "server-only";
import { effectivePlan } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { getWorkspaceUsage } from "@/server/billing/usage";
import type { WorkspaceScope } from "@/server/services/workspaces";

/** The steps, in the order shown. "Set an avatar" joins them when avatars exist. */
export const CHECKLIST_STEPS = ["createProject", "inviteTeammate", "choosePlan"] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/**
 * The checklist of the scope's workspace for the scope's user:
 * `{ dismissed, steps: { createProject, inviteTeammate, choosePlan } }`, each step true when done:
 * a project exists (archived ones count); another member joined or an invitation is pending; the
 * workspace is on a paid plan (an entitled subscription, `effectivePlan`). `dismissedAt`: the
 * user's `checklistDismissedAt` when the caller has it (the session's user), else it is read.
 */
export async function getChecklist(scope: WorkspaceScope, dismissedAt?: Date | null) {
  const [user, { projects, members, invitations, subscription }] = await Promise.all([
    // Known already when the caller has the session's user (read with the session).
    dismissedAt !== undefined
      ? { checklistDismissedAt: dismissedAt }
      : db.user.findUnique({
          where: { id: scope.actorId },
          select: { checklistDismissedAt: true },
        }),
    // Shared with the overview and the plan badge of the same page (one read per request).
    getWorkspaceUsage(scope),
  ]);
  const steps: Record<ChecklistStep, boolean> = {
    createProject: projects > 0,
    inviteTeammate: members > 1 || invitations > 0,
    choosePlan: effectivePlan(subscription) !== "free",
  };
  return { dismissed: Boolean(user?.checklistDismissedAt), steps };
}

/** Hides the checklist for `userId` from now on (idempotent: the first dismissal's time is kept). */
export async function dismissChecklist(userId: string) {
  await db.user.updateMany({
    where: { id: userId, checklistDismissedAt: null },
    data: { checklistDismissedAt: new Date() },
  });
  return { dismissed: true } as const;
}
