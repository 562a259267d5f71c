/**
 * Invitations: invite by email (7-day link, token stored hashed), list, resend, revoke, and
 * accept. Only the account whose verified email is the invited address may accept, whether it
 * existed before or signed up from the link. Changes are audited in their transaction. The link's
 * token is minted by the `send-email` job as it sends the invitation ({@link invitationMail}),
 * so no usable token waits in the job queue.
 */
import "server-only";
import type { z } from "zod";
import type { createInvitationInput } from "@/schemas/workspace";
import { limitInvitationEmail } from "@/server/auth/rate-limit";
import { generateToken, hashToken } from "@/server/auth/tokens";
import { assertEntitlement } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { DomainError } from "@/server/errors";
import { appUrl, sendLink, type Mail } from "@/server/mail/mailer";
import { recordAudit } from "@/server/audit/log";
import { syncSeats } from "@/server/billing/seats";
import { pictureUrls } from "@/server/services/uploads";
import type { WorkspaceScope } from "@/server/services/workspaces";

/** How long an invitation link works, in ms (7 days). */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

const INVALID_INVITATION = "This invitation is invalid or has expired. Ask for a new one.";

const newExpiry = () => new Date(Date.now() + INVITATION_TTL_MS);

/** Pending, unexpired invitations of the workspace, newest first. */
export async function listInvitations(scope: WorkspaceScope) {
  const rows = await db.invitation.findMany({
    where: { workspaceId: scope.workspace.id, expiresAt: { gt: new Date() } },
    include: { invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.name ?? "A former member",
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  }));
}

const alreadyInvited = () =>
  new DomainError("CONFLICT", "Already invited: resend the invitation instead.", "email");

/**
 * Invites `email` with `role` and emails the link. An expired invitation to the same address is
 * replaced.
 * @throws DomainError CONFLICT on "email" for a member or an address with a pending invitation.
 * @throws EntitlementError when members plus pending invitations would exceed the plan's limit.
 */
export async function createInvitation(
  scope: WorkspaceScope,
  input: Omit<z.output<typeof createInvitationInput>, "workspaceSlug">,
) {
  const member = await db.membership.findFirst({
    where: { workspaceId: scope.workspace.id, user: { email: input.email } },
  });
  if (member) throw new DomainError("CONFLICT", "This person is already a member.", "email");
  await limitInvitationEmail(input.email, scope.actorId);
  const invitation = await db
    .$transaction(async (tx) => {
      await tx.invitation.deleteMany({
        where: {
          workspaceId: scope.workspace.id,
          email: input.email,
          expiresAt: { lte: new Date() },
        },
      });
      const pending = await tx.invitation.findFirst({
        where: { workspaceId: scope.workspace.id, email: input.email },
      });
      if (pending) throw alreadyInvited();
      await assertEntitlement(tx, scope.workspace.id, "maxMembers");
      const created = await tx.invitation.create({
        data: {
          workspaceId: scope.workspace.id,
          email: input.email,
          role: input.role,
          expiresAt: newExpiry(),
          invitedById: scope.actorId,
        },
      });
      await recordAudit(tx, {
        workspaceId: scope.workspace.id,
        actorId: scope.actorId,
        action: "invitation.created",
        targetType: "invitation",
        targetId: created.id,
        metadata: { email: input.email, role: input.role },
      });
      return created;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyInvited() : error;
    });
  await sendLink({ kind: "invitation", invitationId: invitation.id });
  return { id: invitation.id };
}

/** The invitation `id` of the scope's workspace. @throws DomainError NOT_FOUND. */
async function findInvitation(scope: WorkspaceScope, id: string) {
  const invitation = await db.invitation.findFirst({
    where: { id, workspaceId: scope.workspace.id },
  });
  if (!invitation) throw new DomainError("NOT_FOUND", "This invitation no longer exists.");
  return invitation;
}

/** Sends a new link (valid 7 days again); the previous link stops working now. */
export async function resendInvitation(scope: WorkspaceScope, id: string) {
  const invitation = await findInvitation(scope, id);
  await limitInvitationEmail(invitation.email, scope.actorId);
  await db.$transaction(async (tx) => {
    await tx.invitation.update({
      where: { id },
      data: { tokenHash: null, expiresAt: newExpiry() },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "invitation.resent",
      targetType: "invitation",
      targetId: id,
      metadata: { email: invitation.email },
    });
  });
  await sendLink({ kind: "invitation", invitationId: id });
  return { status: "sent" } as const;
}

/** Revokes a pending invitation. */
export async function revokeInvitation(scope: WorkspaceScope, id: string) {
  const invitation = await findInvitation(scope, id);
  await db.$transaction(async (tx) => {
    await tx.invitation.delete({ where: { id } });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: id,
      metadata: { email: invitation.email },
    });
  });
  return { status: "revoked" } as const;
}

/** The public view of an invitation. */
function describe(row: {
  id: string;
  email: string;
  role: string;
  expiresAt: Date;
  workspace: { name: string };
  invitedBy: { name: string } | null;
}) {
  return {
    id: row.id,
    workspaceName: row.workspace.name,
    inviterName: row.invitedBy?.name ?? "A former member",
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt,
  };
}

const withNames = {
  workspace: { select: { name: true, logoKey: true } },
  invitedBy: { select: { name: true } },
} as const;

/**
 * The email of invitation `invitationId`, with its token minted now (the `send-email` job calls
 * it as it sends): a new random token whose SHA-256 replaces the stored one, so only the newest
 * link sent works. Null, to send nothing, when the invitation is gone or expired.
 */
export async function invitationMail(invitationId: string): Promise<Mail | null> {
  const token = generateToken();
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, expiresAt: { gt: new Date() } },
    data: { tokenHash: hashToken(token) },
  });
  if (count !== 1) return null;
  const row = await db.invitation.findUnique({ where: { id: invitationId }, include: withNames });
  if (!row) return null;
  const { email, inviterName, workspaceName } = describe(row);
  const url = appUrl("/invite", { token });
  // Signed for as long as the invitation lasts (the email may be opened days later).
  const logo = await pictureUrls(row.workspace.logoKey, INVITATION_TTL_MS / 1000);
  return {
    to: email,
    message: {
      template: "invitation",
      props: { inviterName, workspaceName, url, workspaceLogoUrl: logo?.s64 ?? null },
    },
  };
}

/**
 * The invitation of an emailed link, for its landing page.
 * @throws DomainError BAD_REQUEST on "token" when unknown or expired.
 */
export async function getInvitationByToken(token: string) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: withNames,
  });
  if (!row || row.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("BAD_REQUEST", INVALID_INVITATION, "token");
  }
  return describe(row);
}

/** Pending invitations to `email` (the signed-in user's address). */
export async function listMyInvitations(email: string) {
  const rows = await db.invitation.findMany({
    where: { email, expiresAt: { gt: new Date() } },
    include: withNames,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(describe);
}

/**
 * The pending invitation `id` addressed to `user`.
 * @throws DomainError NOT_FOUND when gone or expired; FORBIDDEN when it was sent to another address.
 */
async function findOwnInvitation(user: { email: string }, id: string, verb: string) {
  const invitation = await db.invitation.findUnique({
    where: { id },
    include: { workspace: { select: { slug: true } } },
  });
  if (!invitation || invitation.expiresAt.getTime() <= Date.now()) {
    throw new DomainError("NOT_FOUND", INVALID_INVITATION);
  }
  if (invitation.email !== user.email) {
    throw new DomainError(
      "FORBIDDEN",
      `This invitation is for ${invitation.email}. Sign in with that address to ${verb} it.`,
    );
  }
  return invitation;
}

/**
 * Declines invitation `id`: it ends (deleted, so its seat is free again and its link stops
 * working) and the workspace's activity log records "declined the invitation to <email>", which
 * is how its admins learn of it. The user can be invited again.
 * @throws DomainError NOT_FOUND when gone or expired; FORBIDDEN when it was sent to another address.
 */
export async function declineInvitation(user: { id: string; email: string }, id: string) {
  const invitation = await findOwnInvitation(user, id, "decline");
  await db.$transaction(async (tx) => {
    // Conditional: of an accept and a decline racing, only one finds the row.
    const { count } = await tx.invitation.deleteMany({ where: { id } });
    if (count !== 1) throw new DomainError("NOT_FOUND", INVALID_INVITATION);
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actorId: user.id,
      action: "invitation.declined",
      targetType: "invitation",
      targetId: id,
      metadata: { email: invitation.email, role: invitation.role },
    });
  });
  return { status: "declined" } as const;
}

/**
 * Joins the workspace of invitation `id` with its role.
 * @throws DomainError NOT_FOUND when gone or expired; FORBIDDEN when it was sent to another address.
 */
export async function acceptInvitation(user: { id: string; email: string }, id: string) {
  const invitation = await findOwnInvitation(user, id, "accept");
  await db.$transaction(async (tx) => {
    await tx.invitation.delete({ where: { id } });
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
      create: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      workspaceId: invitation.workspaceId,
      actorId: user.id,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: id,
      metadata: { email: invitation.email, role: invitation.role },
    });
  });
  await syncSeats(invitation.workspaceId);
  return { workspaceSlug: invitation.workspace.slug };
}
