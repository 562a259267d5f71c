/**
 * Every audit action (src/server/audit/log.ts writes them) with the summary the activity log
 * shows after the actor's name: "created project Apollo", "changed Bob's role to admin". The keys
 * are the `AuditAction` union, so an action written without a summary here is a type error.
 * Summaries read only string metadata: entries outlive the code that wrote them.
 */
import "server-only";
import type { Prisma } from "@/generated/prisma/client";

/** What a summary reads of an entry. */
export interface AuditEntryFacts {
  metadata: Prisma.JsonValue | null;
  /** The name of the user the entry is about (targetType "user"), when known. */
  targetName?: string | null;
  /**
   * A plan's display name from its slug ("Pro" for "pro"), given by the reader from the plan
   * catalogue, so this registry imports nothing of billing (billing writes audit entries).
   */
  planName?: (slug: string) => string;
}

/** `metadata[key]` when it is a non-empty string. */
function text(entry: AuditEntryFacts, key: string): string | undefined {
  const { metadata } = entry;
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return undefined;
  const value = (metadata as Prisma.JsonObject)[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The plan's display name ("Free" for "free") or its slug as is; "no plan" when absent. */
function planName(entry: AuditEntryFacts, slug: string | undefined): string {
  if (!slug) return "no plan";
  return entry.planName?.(slug) ?? slug;
}

/** "Jan 5, 2027" for an ISO date string (the day in UTC, as Stripe bills); undefined if invalid. */
function day(iso: string | undefined): string | undefined {
  const date = iso ? new Date(iso) : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return date.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

/** "past due" for "past_due"; "none" when absent. */
const statusName = (status: string | undefined) => (status ? status.replaceAll("_", " ") : "none");

/** "project Apollo" (its `name` metadata), else "a project"; likewise for any `kind`. */
const named = (kind: string) => (entry: AuditEntryFacts) => {
  const name = text(entry, "name");
  return name ? `${kind} ${name}` : `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
};
const project = named("project");
/** "the post “Launch week”" (its `title` metadata), else "a post". */
const post = (entry: AuditEntryFacts) => {
  const title = text(entry, "title");
  return title ? `the post “${title}”` : "a post";
};
const person = (entry: AuditEntryFacts) => entry.targetName ?? "a former member";
const invitee = (entry: AuditEntryFacts) => {
  const email = text(entry, "email");
  return email ? `the invitation to ${email}` : "an invitation";
};
/** The account an admin acted on: its name, else the email kept in the metadata. */
const account = (entry: AuditEntryFacts) =>
  entry.targetName ?? text(entry, "email") ?? "a deleted user";

/** The registry: action → `{ summary(entry) }`. */
export const auditActions = {
  "project.created": { summary: (e) => `created ${project(e)}` },
  "project.updated": { summary: (e) => `updated ${project(e)}` },
  "project.archived": { summary: (e) => `archived ${project(e)}` },
  "project.restored": { summary: (e) => `restored ${project(e)}` },
  "project.deleted": { summary: (e) => `deleted ${project(e)}` },
  "member.role_changed": {
    summary: (e) => {
      const to = text(e, "to");
      return to ? `changed ${person(e)}'s role to ${to}` : `changed ${person(e)}'s role`;
    },
  },
  "member.removed": { summary: (e) => `removed ${person(e)} from the workspace` },
  "member.left": { summary: () => "left the workspace" },
  "workspace.created": {
    summary: (e) => {
      const name = text(e, "name");
      return name ? `created the workspace ${name}` : "created the workspace";
    },
  },
  "workspace.renamed": {
    summary: (e) => {
      const [from, to] = [text(e, "from"), text(e, "to")];
      return from && to ? `renamed the workspace from ${from} to ${to}` : "renamed the workspace";
    },
  },
  "workspace.ownership_transferred": { summary: (e) => `transferred ownership to ${person(e)}` },
  "workspace.deleted": { summary: () => "deleted the workspace" },
  "billing.subscription_changed": {
    summary: (e) => {
      const [before, after] = [text(e, "planBefore"), text(e, "planAfter")];
      if (before !== after) {
        return `changed the plan from ${planName(e, before)} to ${planName(e, after)}`;
      }
      const [statusBefore, statusAfter] = [text(e, "statusBefore"), text(e, "statusAfter")];
      return `changed the subscription's status from ${statusName(statusBefore)} to ${statusName(statusAfter)}`;
    },
  },
  "billing.cancel_scheduled": {
    summary: (e) => {
      const [plan, endsAt] = [text(e, "plan"), day(text(e, "endsAt"))];
      const what = plan ? `the ${planName(e, plan)} subscription` : "the subscription";
      return endsAt ? `set ${what} to cancel on ${endsAt}` : `set ${what} to cancel`;
    },
  },
  "billing.subscription_resumed": {
    summary: (e) => {
      const plan = text(e, "plan");
      return `resumed ${plan ? `the ${planName(e, plan)} subscription` : "the subscription"}`;
    },
  },
  "invitation.created": {
    summary: (e) => {
      const [email, role] = [text(e, "email"), text(e, "role")];
      return email ? `invited ${email}${role ? ` as ${role}` : ""}` : "sent an invitation";
    },
  },
  "invitation.resent": { summary: (e) => `resent ${invitee(e)}` },
  "invitation.revoked": { summary: (e) => `revoked ${invitee(e)}` },
  "invitation.accepted": {
    summary: (e) => {
      const role = text(e, "role");
      return role ? `accepted an invitation and joined as ${role}` : "accepted an invitation";
    },
  },
  "account.profile_updated": {
    summary: (e) => {
      const [from, to] = [text(e, "from"), text(e, "to")];
      return from && to ? `changed their name from ${from} to ${to}` : "changed their name";
    },
  },
  "invitation.declined": {
    summary: (e) => {
      const email = text(e, "email");
      return email ? `declined the invitation to ${email}` : "declined an invitation";
    },
  },
  "export.requested": { summary: () => "requested an export" },
  "export.retried": { summary: () => "retried an export" },
  "project_import.started": {
    summary: (e) => `started an import of projects from ${text(e, "fileName") ?? "a CSV file"}`,
  },
  "project_import.finished": {
    summary: (e) => {
      const counts = ["created", "skipped", "failed"].map((k) => `${text(e, k) ?? "0"} ${k}`);
      return `finished an import of projects (${counts.join(", ")})`;
    },
  },
  "editor.granted": { summary: (e) => `made ${account(e)} an editor` },
  "editor.revoked": { summary: (e) => `removed ${account(e)} from the editors` },
  "post.created": { summary: (e) => `created ${post(e)}` },
  "post.updated": { summary: (e) => `updated ${post(e)}` },
  "post.scheduled": {
    summary: (e) => `scheduled ${post(e)} for ${day(text(e, "publishAt")) ?? "later"}`,
  },
  "post.published": { summary: (e) => `published ${post(e)}` },
  "post.unpublished": { summary: (e) => `unpublished ${post(e)}` },
  "post.archived": { summary: (e) => `archived ${post(e)}` },
  "admin.granted": { summary: (e) => `made ${account(e)} an admin` },
  "admin.revoked": { summary: (e) => `removed ${account(e)} from the admins` },
  "admin.user_disabled": { summary: (e) => `disabled the account of ${account(e)}` },
  "admin.user_enabled": { summary: (e) => `enabled the account of ${account(e)}` },
  "admin.user_signed_out": { summary: (e) => `signed ${account(e)} out everywhere` },
  "admin.stripe_event_replayed": {
    summary: (e) => `replayed the Stripe event ${text(e, "eventId") ?? "(unknown)"}`,
  },
  "admin.job_retried": { summary: (e) => `retried the job ${text(e, "jobId") ?? "(unknown)"}` },
  "admin.job_retry_refused": {
    summary: (e) => `tried to retry the job ${text(e, "jobId") ?? "(unknown)"}, refused`,
  },
  // gen:resource audit actions
} as const satisfies Record<string, { summary: (entry: AuditEntryFacts) => string }>;

/** An action the code writes: a key of {@link auditActions}. */
export type AuditAction = keyof typeof auditActions;

/** True when `action` (e.g. a stored row's) is in the registry. */
export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(auditActions, action);
}
