/**
 * The procedure catalogue: every procedure of `appRouter` with its kind (query or mutation), who
 * may call it (its policy) and a valid sample input. The one list read by the authorization
 * matrix (src/server/api/authorization.test.ts), the bad-input suite
 * (src/server/api/bad-input.test.ts) and the admin access test; src/server/api/procedures.test.ts
 * fails when a procedure of `appRouter` is missing here, or listed with the wrong kind.
 */
import type { Permission } from "@/schemas/permissions";
import type { db } from "@/server/db";

/** A procedure of a tRPC caller, called with one input. */
export type Procedure = (input: unknown) => Promise<unknown>;

/**
 * The procedure at dotted `path` ("admin.users.list") of a caller made by `createCaller`.
 * @throws Error when no procedure has that path.
 */
export function procedureAt(caller: unknown, path: string): Procedure {
  let node = caller as Record<string, unknown>;
  for (const key of path.split(".")) node = node[key] as Record<string, unknown>;
  if (typeof node !== "function") throw new Error(`No procedure is called "${path}".`);
  return node as unknown as Procedure;
}

/** Who may call a procedure. */
export type Policy =
  | { kind: "public" }
  | { kind: "signedIn" }
  /** A workspace procedure; `permission` undefined = any member. */
  | { kind: "workspace"; permission?: Permission }
  /** An admin console procedure: staff only; NOT_FOUND to anyone else signed in. */
  | { kind: "admin" }
  /** A post editor procedure: editors and staff; NOT_FOUND to anyone else signed in. */
  | { kind: "editor" };

/**
 * What the sample inputs refer to, built by each suite from its fixture: workspace "acme" with
 * a project, a failed export, a pending invitation and a member other than the caller; a stored
 * Stripe event; the caller's session and an invitation addressed to them elsewhere.
 */
export interface SampleContext {
  slug: string;
  workspaceId: string;
  projectId: string;
  /** A failed export of acme, so a retry passes every check but the caller's. */
  exportId: string;
  /** A draft project import of acme whose pasted file is stored ({@link createSampleImport}). */
  importId: string;
  /** A draft post (the blog and changelog editor's samples). */
  postId: string;
  /** A stored Stripe event of a type no handler takes (a replay is "ignored", no Stripe call). */
  stripeEventId: string;
  /** A pending invitation to acme and its token. */
  invitation: { id: string; token: string };
  /** A member of acme who is not the caller: the target of role changes, removal, transfer. */
  targetId: string;
  /** The email of acme's owner, whose password is {@link SAMPLE_PASSWORD}. */
  ownerEmail: string;
  /** The id (hash) of the caller's session; any well-formed id for an anonymous caller. */
  callerSessionId: string;
  /** An invitation addressed to the caller, in a workspace they are not in ("none" if anonymous). */
  invitationForCaller: string;
  /** A row of acme of each generated resource, by resource ({@link createSampleRows}). */
  rows: SampleRows;
}

/** Creates the row `index` (0, 1) of a generated resource in a workspace. */
type SampleRowFactory = (
  client: typeof db,
  workspaceId: string,
  index: number,
) => Promise<{ id: string }>;

/**
 * The rows of the resources written by `npm run gen:resource` that the suites' fixtures create
 * in acme, by resource; the generator adds its resource here.
 */
export const SAMPLE_ROWS = {
  // gen:resource sample rows
} satisfies Record<string, SampleRowFactory>;

/** The id of a row of acme of each generated resource. */
export type SampleRows = { [K in keyof typeof SAMPLE_ROWS]: string };

/**
 * Creates two rows of each generated resource in `workspaceId` (so a list with `limit: 1` has a
 * next page) and returns the first's id by resource.
 */
export async function createSampleRows(
  client: typeof db,
  workspaceId: string,
): Promise<SampleRows> {
  const ids: Record<string, string> = {};
  for (const [resource, create] of Object.entries(
    SAMPLE_ROWS as Record<string, SampleRowFactory>,
  )) {
    ids[resource] = (await create(client, workspaceId, 0)).id;
    await create(client, workspaceId, 1);
  }
  return ids as SampleRows;
}

/**
 * A draft project import of `workspaceId` by `userId`, its file ("name,description", one row)
 * stored: preview and start pass every check but the caller's. Returns its id.
 */
export async function createSampleImport(
  client: typeof db,
  workspaceId: string,
  userId: string,
): Promise<string> {
  const { getStorage } = await import("@/server/storage");
  const id = `import-${unique()}`;
  const storageKey = `w/${workspaceId}/imports/${id}.csv`;
  const body = Buffer.from("name,description\nApollo,First\n", "utf8");
  await getStorage().put(storageKey, body, { contentType: "text/csv" });
  await client.projectImport.create({
    data: {
      id,
      workspaceId,
      createdById: userId,
      fileName: "sample.csv",
      size: body.length,
      storageKey,
    },
  });
  return id;
}

export interface CatalogueEntry {
  kind: "query" | "mutation";
  policy: Policy;
  /** A valid input; absent when the procedure takes none. */
  input?: (f: SampleContext) => Record<string, unknown>;
}

/** The password of every user of the suites' fixtures (samples that sign in use it). */
export const SAMPLE_PASSWORD = "catalogue password 1";
const PASSWORD = SAMPLE_PASSWORD;

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;
const fakeToken = "x".repeat(43);

/** Every procedure of `appRouter` by its path. */
export const PROCEDURES: Record<string, CatalogueEntry> = {
  "plan.list": { kind: "query", policy: { kind: "public" } },
  "plan.bySlug": { kind: "query", policy: { kind: "public" }, input: () => ({ slug: "free" }) },

  "account.me": { kind: "query", policy: { kind: "public" } },
  "account.signUp": {
    kind: "mutation",
    policy: { kind: "public" },
    input: () => ({ name: "New", email: `new-${unique()}@example.com`, password: PASSWORD }),
  },
  "account.resendVerification": {
    kind: "mutation",
    policy: { kind: "public" },
    input: () => ({ email: "a@example.com" }),
  },
  "account.verifyEmail": {
    kind: "mutation",
    policy: { kind: "public" },
    input: () => ({ token: fakeToken, password: PASSWORD }),
  },
  "account.getVerification": {
    kind: "query",
    policy: { kind: "public" },
    input: () => ({ token: fakeToken }),
  },
  "account.requestPasswordReset": {
    kind: "mutation",
    policy: { kind: "public" },
    input: () => ({ email: "a@example.com" }),
  },
  "account.resetPassword": {
    kind: "mutation",
    policy: { kind: "public" },
    input: () => ({ token: fakeToken, password: "a new password" }),
  },
  "account.getEmailChange": {
    kind: "query",
    policy: { kind: "signedIn" },
    input: () => ({ token: fakeToken }),
  },
  "account.confirmEmailChange": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ token: fakeToken }),
  },
  "account.changePassword": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ currentPassword: PASSWORD, newPassword: "another password" }),
  },
  "account.updateProfile": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ name: "Renamed Person" }),
  },
  "account.requestEmailChange": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ newEmail: `moved-${unique()}@example.com`, password: PASSWORD }),
  },
  "account.delete": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ password: PASSWORD }),
  },

  "session.signIn": {
    kind: "mutation",
    policy: { kind: "public" },
    input: (f) => ({ email: f.ownerEmail, password: PASSWORD }),
  },
  "session.signOut": { kind: "mutation", policy: { kind: "public" } },
  "session.list": { kind: "query", policy: { kind: "signedIn" } },
  "session.revoke": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: (f) => ({ sessionId: f.callerSessionId }),
  },
  "session.revokeOthers": { kind: "mutation", policy: { kind: "signedIn" } },

  "workspace.list": { kind: "query", policy: { kind: "signedIn" } },
  "workspace.create": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ name: "New team", slug: `new-${Math.random().toString(36).slice(2, 10)}` }),
  },
  "workspace.get": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "upload.createAvatar": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ fileName: "me.png", contentType: "image/png", size: 1024 }),
  },
  "upload.createLogo": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "workspace:update" },
    input: (f) => ({
      workspaceSlug: f.slug,
      fileName: "logo.png",
      contentType: "image/png",
      size: 1024,
    }),
  },
  "upload.complete": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: () => ({ uploadId: "upload-of-nobody" }),
  },
  "upload.status": {
    kind: "query",
    policy: { kind: "signedIn" },
    input: () => ({ uploadId: "upload-of-nobody" }),
  },
  "upload.removeAvatar": { kind: "mutation", policy: { kind: "signedIn" } },
  "upload.removeLogo": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "workspace:update" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "workspace.rename": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "workspace:update" },
    input: (f) => ({ workspaceSlug: f.slug, name: "Renamed" }),
  },
  "workspace.transferOwnership": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "workspace:transfer" },
    input: (f) => ({ workspaceSlug: f.slug, userId: f.targetId }),
  },
  "workspace.delete": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "workspace:delete" },
    input: (f) => ({ workspaceSlug: f.slug, confirmSlug: f.slug }),
  },
  "workspace.leave": {
    kind: "mutation",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },

  "member.list": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "member.updateRole": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "members:manage" },
    input: (f) => ({ workspaceSlug: f.slug, userId: f.targetId, role: "admin" }),
  },
  "member.remove": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "members:manage" },
    input: (f) => ({ workspaceSlug: f.slug, userId: f.targetId }),
  },

  "invitation.list": {
    kind: "query",
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "invitation.create": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug, email: `inv-${unique()}@example.com`, role: "member" }),
  },
  "invitation.resend": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug, invitationId: f.invitation.id }),
  },
  "invitation.revoke": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "members:invite" },
    input: (f) => ({ workspaceSlug: f.slug, invitationId: f.invitation.id }),
  },
  "invitation.get": {
    kind: "query",
    policy: { kind: "public" },
    input: (f) => ({ token: f.invitation.token }),
  },
  "invitation.listMine": { kind: "query", policy: { kind: "signedIn" } },
  "invitation.accept": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: (f) => ({ invitationId: f.invitationForCaller }),
  },

  "invitation.decline": {
    kind: "mutation",
    policy: { kind: "signedIn" },
    input: (f) => ({ invitationId: f.invitationForCaller }),
  },

  "billing.subscription": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  // Acme is subscribed already: an allowed caller gets CONFLICT without reaching Stripe.
  "billing.createCheckoutSession": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "billing:manage" },
    input: (f) => ({ workspaceSlug: f.slug, plan: "pro", interval: "month" }),
  },
  "billing.createPortalSession": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "billing:manage" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  // Acme's subscription is not set to cancel: an allowed caller gets `{ resumed: false }`.
  "billing.resumeSubscription": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "billing:manage" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },

  "activity.list": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "activity.filters": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },

  "onboarding.checklist": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "onboarding.dismissChecklist": { kind: "mutation", policy: { kind: "signedIn" } },

  "dashboard.overview": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },

  "project.update": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, projectId: f.projectId, status: "paused" }),
  },
  "admin.users.list": { kind: "query", policy: { kind: "admin" }, input: () => ({ q: "example" }) },
  "admin.users.get": {
    kind: "query",
    policy: { kind: "admin" },
    input: (f) => ({ userId: f.targetId }),
  },
  "admin.users.disable": {
    kind: "mutation",
    policy: { kind: "admin" },
    input: (f) => ({ userId: f.targetId }),
  },
  "admin.users.enable": {
    kind: "mutation",
    policy: { kind: "admin" },
    input: (f) => ({ userId: f.targetId }),
  },
  "admin.users.signOut": {
    kind: "mutation",
    policy: { kind: "admin" },
    input: (f) => ({ userId: f.targetId }),
  },
  "admin.workspaces.list": { kind: "query", policy: { kind: "admin" }, input: () => ({ q: "e" }) },
  "admin.workspaces.get": {
    kind: "query",
    policy: { kind: "admin" },
    input: (f) => ({ workspaceId: f.workspaceId }),
  },
  "admin.stripeEvents.list": {
    kind: "query",
    policy: { kind: "admin" },
    input: () => ({ status: "ignored" }),
  },
  "admin.stripeEvents.get": {
    kind: "query",
    policy: { kind: "admin" },
    input: (f) => ({ eventId: f.stripeEventId }),
  },
  "admin.stripeEvents.replay": {
    kind: "mutation",
    policy: { kind: "admin" },
    input: (f) => ({ eventId: f.stripeEventId }),
  },
  // An unknown queue: staff pass the gate and get BAD_REQUEST, without starting pg-boss.
  "admin.jobs.list": {
    kind: "query",
    policy: { kind: "admin" },
    input: () => ({ queue: "no-such-queue" }),
  },
  "admin.jobs.retry": {
    kind: "mutation",
    policy: { kind: "admin" },
    input: () => ({ queue: "no-such-queue", jobId: "00000000-0000-4000-8000-000000000000" }),
  },
  "admin.auditLog.list": { kind: "query", policy: { kind: "admin" }, input: () => ({}) },

  "post.list": { kind: "query", policy: { kind: "editor" }, input: () => ({ kind: "blog" }) },
  "post.get": { kind: "query", policy: { kind: "editor" }, input: (f) => ({ postId: f.postId }) },
  "post.preview": {
    kind: "query",
    policy: { kind: "editor" },
    input: () => ({ body: "# Hello\n\n```ts\nconst a = 1;\n```" }),
  },
  "post.create": {
    kind: "mutation",
    policy: { kind: "editor" },
    input: () => ({
      kind: "blog",
      title: "A new post",
      slug: "a-new-post",
      excerpt: "What it is about.",
      body: "Hello.",
      tags: ["news"],
    }),
  },
  "post.update": {
    kind: "mutation",
    policy: { kind: "editor" },
    input: (f) => ({
      postId: f.postId,
      kind: "blog",
      title: "Renamed",
      slug: "renamed",
      excerpt: "What it is about.",
      body: "Hello again.",
      coverImageUrl: null,
      tags: [],
    }),
  },
  "post.schedule": {
    kind: "mutation",
    policy: { kind: "editor" },
    // In the past: editors pass the gate and get BAD_REQUEST on publishAt, without starting pg-boss.
    input: (f) => ({ postId: f.postId, publishAt: new Date(0) }),
  },
  "post.publish": {
    kind: "mutation",
    policy: { kind: "editor" },
    input: (f) => ({ postId: f.postId }),
  },
  "post.unpublish": {
    kind: "mutation",
    policy: { kind: "editor" },
    input: (f) => ({ postId: f.postId }),
  },
  "post.archive": {
    kind: "mutation",
    policy: { kind: "editor" },
    input: (f) => ({ postId: f.postId }),
  },

  "export.request": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "export.list": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "export.retry": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, exportId: f.exportId }),
  },

  "project.list": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  "project.create": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, name: "Launch" }),
  },
  "project.delete": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, projectId: f.projectId }),
  },
  "projectImport.create": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, source: { kind: "paste", text: "name\nApollo\n" } }),
  },
  "projectImport.preview": {
    kind: "query",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({ workspaceSlug: f.slug, importId: f.importId }),
  },
  "projectImport.start": {
    kind: "mutation",
    policy: { kind: "workspace", permission: "projects:write" },
    input: (f) => ({
      workspaceSlug: f.slug,
      importId: f.importId,
      delimiter: ",",
      mapping: { name: "name", description: null },
    }),
  },
  "projectImport.get": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug, importId: f.importId }),
  },
  "projectImport.list": {
    kind: "query",
    policy: { kind: "workspace" },
    input: (f) => ({ workspaceSlug: f.slug }),
  },
  // gen:resource procedures
};
