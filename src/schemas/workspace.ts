/**
 * Inputs of the workspace, member and invitation procedures, shared with their forms.
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { emailSchema, emailTokenSchema } from "@/schemas/account";
import { assignableRoles } from "@/schemas/constants";

export { assignableRoles, roles, type Role } from "@/schemas/constants";

export const assignableRoleSchema = z.enum(assignableRoles, {
  error: "Role must be admin or member.",
});

/** Slugs that would collide with app routes or confuse users. */
const RESERVED_SLUGS = new Set(["new", "settings", "admin", "api", "app", "www", "dashboard"]);

/** A workspace's URL slug: 3-40 lower-case letters, digits and single dashes. */
export const workspaceSlugSchema = z.string({ error: "Slug is required." }).check(
  z.trim(),
  z.toLowerCase(),
  z.minLength(3, "Slug must be at least 3 characters."),
  z.maxLength(40, "Slug is at most 40 characters."),
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Slug uses lower-case letters, digits and single dashes."),
  z.refine((slug: string) => !RESERVED_SLUGS.has(slug), "This slug is reserved."),
);

/** A lone UTF-16 surrogate: not a character, and JSON in PostgreSQL (the audit log) refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` is well-formed Unicode (shared by the text fields of the forms). */
export const isWellFormedText = (text: string) => !LONE_SURROGATE.test(text);

export const workspaceNameSchema = z
  .string({ error: "Name is required." })
  .check(
    z.trim(),
    z.minLength(1, "Name is required."),
    z.maxLength(60, "Name is at most 60 characters."),
    z.refine(isWellFormedText, "Name contains an invalid character."),
  );

/**
 * The part every workspace procedure's input shares (read by its middleware, which turns it into
 * `ctx.scope`); other keys are checked by the procedure's own, strict schema.
 */
export const workspaceSlugInput = z.object({ workspaceSlug: workspaceSlugSchema });

/**
 * Set by tRPC on the input of an infinite query (`useInfiniteQuery`), beside `cursor`; our lists
 * only page forward, so it is accepted and ignored.
 */
export const infiniteDirection = z.optional(z.enum(["forward", "backward"]));

/** Every workspace-scoped input names its workspace by slug (as in the URL). */
export const workspaceInput = z.strictObject({ workspaceSlug: workspaceSlugSchema });

export const createWorkspaceInput = z.strictObject({
  name: workspaceNameSchema,
  /** Optional: derived from the name when omitted. */
  slug: z.optional(workspaceSlugSchema),
});

export const renameWorkspaceInput = z.extend(workspaceInput, { name: workspaceNameSchema });

const userId = z
  .string()
  .check(z.minLength(1, "Member is required."), z.maxLength(64, "Unknown member."));

export const transferOwnershipInput = z.extend(workspaceInput, { userId });

/** Deleting asks the user to type the slug, as confirmation. */
export const deleteWorkspaceInput = z.extend(workspaceInput, {
  confirmSlug: z.string({ error: "Type the workspace's slug to confirm." }).check(z.maxLength(40)),
});

export const updateMemberRoleInput = z.extend(workspaceInput, {
  userId,
  role: assignableRoleSchema,
});

export const removeMemberInput = z.extend(workspaceInput, { userId });

export const createInvitationInput = z.extend(workspaceInput, {
  email: emailSchema,
  role: assignableRoleSchema,
});

export const invitationIdInput = z.extend(workspaceInput, {
  invitationId: z.string().check(z.minLength(1), z.maxLength(64, "Unknown invitation.")),
});

/** Accepting or viewing an invitation: the token from the emailed link. */
export const invitationTokenInput = z.strictObject({ token: emailTokenSchema });

/** Accepting an invitation shown to the signed-in user. */
export const acceptInvitationInput = z.strictObject({
  invitationId: z.string().check(z.minLength(1), z.maxLength(64, "Unknown invitation.")),
});

/** Declining an invitation names it as accepting does. */
export const declineInvitationInput = acceptInvitationInput;
