/**
 * tRPC's initialisation: the context, the transformer, the error formatter and the base procedures.
 * Pattern: tRPC v11 "Set up with React Server Components" (trpc.io/docs/client/tanstack-react-query).
 */
import "server-only";
import { SpanKind } from "@opentelemetry/api";
import { initTRPC, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Cookie } from "lucia";
import superjson from "superjson";
import { z } from "zod";
import { workspaceSlugInput } from "@/schemas/workspace";
import { lucia } from "@/server/auth/lucia";
import type { Permission } from "@/schemas/permissions";
import { assertCan } from "@/server/auth/permissions";
import { requestMeta } from "@/server/auth/request-meta";
import { type SessionContext, validateSessionToken } from "@/server/auth/session";
import { connectionFailureReason, isDataException } from "@/server/db-errors";
import { assertEntitlement, type CountedEntitlement } from "@/server/billing/entitlements";
import { db } from "@/server/db";
import { readYourWrites } from "@/server/db-replicas";
import { DomainError, EntitlementError } from "@/server/errors";
import {
  findWorkspaceScope,
  workspaceNotFound,
  type WorkspaceScope,
} from "@/server/services/workspaces";
import { recordProcedure } from "@/server/telemetry/metrics";
import { failSpan, inSpan } from "@/server/telemetry/tracing";

/** The session token of a Cookie header; null when absent or when the header is malformed. */
function readSessionCookie(cookieHeader: string): string | null {
  try {
    return lucia.readSessionCookie(cookieHeader);
  } catch {
    return null; // Lucia decodes every cookie: a stray "%" must not fail the request.
  }
}

/** Options of {@link createTRPCContext}. */
export interface CreateContextOptions {
  headers: Headers;
  /** Response headers, when the caller can set cookies (the HTTP endpoint). */
  resHeaders?: Headers;
  /** The session, when the caller has already resolved it (server components). */
  auth?: SessionContext | null;
  /**
   * True when the context lives for one request (a page render, an HTTP batch): its queries then
   * share their reads of a workspace's usage (src/server/billing/usage.ts). A longer-lived caller
   * (tests, scripts) leaves it off and reads afresh every time.
   */
  shareReads?: boolean;
}

/**
 * The per-request context: the session resolved once from the cookie, the client's IP and
 * User-Agent, and `setCookie` for procedures that sign in or out. A stale or tampered cookie is
 * cleared; a session whose expiry just slid forward gets its cookie renewed.
 */
export async function createTRPCContext(opts: CreateContextOptions) {
  const setCookie = (cookie: Cookie) => opts.resHeaders?.append("Set-Cookie", cookie.serialize());
  let auth = opts.auth ?? null;
  if (opts.auth === undefined) {
    const token = readSessionCookie(opts.headers.get("cookie") ?? "");
    auth = token ? await validateSessionToken(token) : null;
    if (token && !auth) setCookie(lucia.createBlankSessionCookie());
  }
  if (auth?.session.fresh) setCookie(lucia.createSessionCookie(auth.session.id));
  return {
    headers: opts.headers,
    meta: requestMeta(opts.headers),
    auth,
    setCookie,
    shareReads: opts.shareReads ?? false,
  };
}

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

/**
 * Field errors in zod's flattened shape: from a zod error, or a DomainError naming a field. The
 * input schemas are zod/mini (src/schemas), whose errors are `$ZodError`s but not classic
 * `ZodError`s: test for the class both share.
 */
function fieldErrors(cause: unknown) {
  if (cause instanceof z.core.$ZodError) return z.flattenError(cause);
  if (cause instanceof DomainError && cause.field) {
    return { formErrors: [], fieldErrors: { [cause.field]: [cause.message] } };
  }
  return null;
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  /**
   * Adds field errors (`data.zodError.fieldErrors.<field>: string[]`) so forms can show them
   * next to their fields, and hides internal error messages in production.
   */
  errorFormatter({ shape, error }) {
    const hideMessage =
      error.code === "INTERNAL_SERVER_ERROR" && process.env.NODE_ENV === "production";
    return {
      ...shape,
      message: hideMessage ? "Internal server error" : shape.message,
      data: {
        ...shape.data,
        zodError: fieldErrors(error.cause),
        /** Set on PAYMENT_REQUIRED: which plan limit was hit, for the upgrade prompt. */
        upgrade: error.cause instanceof EntitlementError ? error.cause.upgrade : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/**
 * Maps a {@link DomainError} thrown by a service to the TRPCError of the same code, a value the
 * database refuses (a data exception) to BAD_REQUEST, and a lost database connection to SERVICE_UNAVAILABLE
 * (503), so clients may retry rather than see a 500.
 */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (isDataException(cause)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "A value is out of range or contains characters that cannot be stored.",
      cause,
    });
  }
  if (connectionFailureReason(cause)) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The service is temporarily unavailable. Please try again shortly.",
      cause,
    });
  }
  return result;
});

/**
 * Every call's span and metrics, outermost so it sees the final code: a span named by the
 * procedure path (e.g. "dashboard.overview") with `rpc.system` "trpc", `trpc.path`, `trpc.type`
 * and `trpc.code` ("OK" or the TRPCError code; status ERROR on a server error), and the call in
 * `trpc_procedure_duration_seconds` / `trpc_procedure_errors_total`. With tracing off the span is
 * the API's no-op one.
 */
const telemetry = t.middleware(({ path, type, next }) =>
  inSpan(
    path,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        "rpc.system": "trpc",
        "rpc.method": path,
        "trpc.path": path,
        "trpc.type": type,
      },
    },
    async (span) => {
      const start = performance.now();
      const result = await next();
      const code = result.ok ? "OK" : result.error.code;
      span.setAttribute("trpc.code", code);
      if (!result.ok && getHTTPStatusCodeFromError(result.error) >= 500) {
        failSpan(span, result.error);
      }
      recordProcedure(path, type, code, performance.now() - start);
      return result;
    },
  ),
);

/**
 * Where a procedure's model reads go when replicas are configured (src/server/db-replicas.ts):
 * a query's to the replicas until it writes; a mutation's, like the session check of the
 * context, to the primary, so a mutation reads what it just wrote and a session is seen the
 * moment it is created or deleted.
 */
const databaseRouting = t.middleware(({ type, next }) =>
  type === "query" ? readYourWrites(next) : next(),
);

/** A procedure anyone may call, signed in or not. */
export const publicProcedure = t.procedure.use(telemetry).use(errorMapping).use(databaseRouting);

/** A procedure for signed-in users: `ctx.auth` is non-null; UNAUTHORIZED otherwise. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, auth: ctx.auth } });
});

/**
 * The scopes the queries of one request have resolved, by slug: a page's server prefetches and
 * an HTTP batch share one context, hence one `auth` object, so its queries look a membership up
 * once (the overview page runs three workspace queries). Mutations always read it afresh, since
 * one may change the role another relies on.
 */
const requestScopes = new WeakMap<SessionContext, Map<string, Promise<WorkspaceScope | null>>>();

/**
 * The caller's scope on `slug` (null if not a member), from the request's memo when `reuse`;
 * with `shareReads`, the scope carries the request's memo of shared reads.
 */
function scopeOn(auth: SessionContext, slug: string, reuse: boolean, shareReads: boolean) {
  if (!reuse) return findWorkspaceScope(auth.user.id, slug);
  let bySlug = requestScopes.get(auth);
  if (!bySlug) requestScopes.set(auth, (bySlug = new Map()));
  let scope = bySlug.get(slug);
  if (!scope) {
    // The request's queries share this scope, and with it their reads of the workspace's usage.
    scope = findWorkspaceScope(auth.user.id, slug).then((found) =>
      found && shareReads ? { ...found, reads: new Map() } : found,
    );
    // A failed lookup (a database blip) is not kept: the request's next query tries again.
    const cached = bySlug;
    scope.catch(() => cached.delete(slug));
    bySlug.set(slug, scope);
  }
  return scope;
}

/**
 * A procedure on one workspace, named by `workspaceSlug` in its input. The membership is resolved
 * once and put in `ctx.scope` (a {@link WorkspaceScope}: `{ actorId, workspace, membership }`),
 * which procedures hand to services as is; a non-member gets NOT_FOUND (whether the workspace
 * exists is not revealed), a member whose role lacks `permission` gets FORBIDDEN. Services scope
 * every query by `scope.workspace.id`.
 */
export function workspaceProcedure(permission?: Permission) {
  return protectedProcedure.input(workspaceSlugInput).use(async ({ ctx, input, next, type }) => {
    const scope = await scopeOn(ctx.auth, input.workspaceSlug, type === "query", ctx.shareReads);
    if (!scope) throw workspaceNotFound();
    if (permission) assertCan(scope.membership.role, permission);
    return next({ ctx: { ...ctx, scope } });
  });
}

/**
 * Middleware for a workspace procedure that adds one of what `entitlement` counts: refuses with
 * PAYMENT_REQUIRED (and `data.upgrade`) when the plan's limit is already reached, before the
 * procedure runs. The service re-checks inside its transaction (`assertEntitlement`), which is what
 * holds under concurrency; this early check gives the fast, uniform answer.
 * Usage: `workspaceProcedure("projects:write").use(requireEntitlement("maxProjects"))`.
 */
export function requireEntitlement(entitlement: CountedEntitlement) {
  return t.middleware(async ({ ctx, next }) => {
    const scope = (ctx as { scope?: WorkspaceScope }).scope;
    if (!scope) throw new Error("requireEntitlement must follow workspaceProcedure.");
    await db.$transaction((tx) => assertEntitlement(tx, scope.workspace.id, entitlement));
    return next();
  });
}
