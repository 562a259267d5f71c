/**
 * The value lists of the input schemas, without zod: a client component that needs only a list
 * (a select's options, a URL's valid values) imports it from here and so bundles no schema. The
 * schema modules re-export each one.
 */

/** Roles, most powerful first. A workspace has exactly one owner. */
export const roles = ["owner", "admin", "member"] as const;
export type Role = (typeof roles)[number];

/** Roles an invitation or a role change may grant (ownership moves only by transfer). */
export const assignableRoles = ["admin", "member"] as const;
export type AssignableRole = (typeof assignableRoles)[number];

/** True when `value` is an assignable role (what `assignableRoleSchema` accepts). */
export function isAssignableRole(value: unknown): value is AssignableRole {
  return (assignableRoles as readonly unknown[]).includes(value);
}

export const projectStatuses = ["active", "paused", "archived"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectSortKeys = ["updatedAt", "createdAt", "name"] as const;
export type ProjectSortKey = (typeof projectSortKeys)[number];

/** The states of a pg-boss job the console filters by. */
export const adminJobStates = ["failed", "retry", "active", "created", "completed"] as const;
export type AdminJobState = (typeof adminJobStates)[number];

/** The statuses of a stored Stripe event (the `StripeEventStatus` enum). */
export const adminStripeEventStatuses = [
  "received",
  "processing",
  "processed",
  "failed",
  "ignored",
] as const;
export type AdminStripeEventStatus = (typeof adminStripeEventStatuses)[number];

/**
 * A readable cookie ("1") that says a session cookie is present, for the prerendered public
 * pages' header (src/components/marketing/account-links.tsx), which cannot read the HttpOnly
 * session. src/proxy.ts keeps it in step with the session cookie on every page request. It
 * grants nothing: a stale hint only shows a "Dashboard" link that leads to sign-in.
 */
export const SIGNED_IN_HINT_COOKIE = "signed_in";

/** Kinds of post (the `PostKind` enum): a blog post or a changelog entry. */
export const postKinds = ["blog", "changelog"] as const;
export type PostKind = (typeof postKinds)[number];

/** Statuses of a post (the `PostStatus` enum), in workflow order. */
export const postStatuses = ["draft", "scheduled", "published", "archived"] as const;
export type PostStatus = (typeof postStatuses)[number];
