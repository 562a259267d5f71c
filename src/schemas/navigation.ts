/**
 * What the browser's shared tRPC client needs to send a user somewhere: the sign-in path with a
 * safe way back, the "session expired" reason, and the answer that means a workspace is lost to
 * the user. Zod-free on purpose: the query client (src/trpc/query-client.ts) loads this module on
 * every signed-in page, and importing the schema modules there put zod in every page's first load.
 */

/** `/sign-in?reason=expired`: the session ended under the user, and the page says so. */
export const SESSION_EXPIRED = "expired";

/**
 * What a non-member is told about a workspace, whether or not it exists; the browser treats this
 * answer as "the workspace is lost to this user" (src/trpc/lost-workspaces.ts).
 */
export const WORKSPACE_NOT_FOUND = "Workspace not found.";

/**
 * The sign-in page that comes back to `next` (a path on this site) afterwards; with `expired`, it
 * says the session expired.
 */
export function signInPath(next: string, { expired = false }: { expired?: boolean } = {}): string {
  const query = new URLSearchParams({ next: safeNextPath(next) });
  if (expired) query.set("reason", SESSION_EXPIRED);
  return `/sign-in?${query.toString()}`;
}

/**
 * Where to go after signing in: a path on this site only (OWASP: unvalidated redirects).
 * Anything else becomes "/dashboard".
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//"))
    return "/dashboard";
  if (next.includes("\\") || /[\u0000-\u001f]/.test(next)) return "/dashboard";
  return next;
}
