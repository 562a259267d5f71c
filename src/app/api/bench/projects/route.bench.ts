/**
 * `GET /api/bench/projects?input=<JSON>[&driver=prisma|pg]`: the projects list as a plain route
 * handler, for `npm run bench` to compare with the tRPC call `project.list`. Only in a build made
 * with `BENCHMARK_ROUTES=1` (the `.bench.ts` extension, next.config.mjs), and 404 unless the
 * server also runs with it (src/env.ts; off by default).
 *
 * Same work as the tRPC procedure, without tRPC: the session from the cookie by
 * `createTRPCContext` (so an expired cookie is cleared and a renewed one set, as there), the
 * scope by `findWorkspaceScope` as `workspaceProcedure` resolves it, the input (the JSON object
 * the tRPC client sends for `project.list`, without superjson) checked by `listProjectsInput`,
 * then `listProjects` (driver=prisma, the default) or the same SQL over a `pg.Pool` (driver=pg,
 * raw-pg.ts). Answers `{ items, nextCursor }` as JSON (dates as ISO strings).
 *
 * Errors: 400 `{ error, fieldErrors? }` for bad input, 401 signed out, 404 for a workspace the
 * caller is not a member of (as tRPC's NOT_FOUND).
 */
import { z } from "zod";
import { listProjectsInput } from "@/schemas/project";
import { env } from "@/env";
import { createTRPCContext } from "@/server/api/init";
import { DomainError } from "@/server/errors";
import { listProjects } from "@/server/services/projects";
import { findWorkspaceScope } from "@/server/services/workspaces";
import { listProjectsWithPg } from "./raw-pg";

export const dynamic = "force-dynamic";

const drivers = z.enum(["prisma", "pg"]);

/** A JSON answer that is never cached, with `headers` (e.g. Set-Cookie) added. */
function answer(body: unknown, status: number, headers = new Headers()): Response {
  headers.set("Cache-Control", "no-store");
  return Response.json(body, { status, headers });
}

/** The `input` parameter as the list's input; a zod error or malformed JSON fails. */
function parseInput(raw: string | null) {
  try {
    return listProjectsInput.safeParse(JSON.parse(raw ?? "null"));
  } catch {
    return listProjectsInput.safeParse(undefined);
  }
}

export async function GET(req: Request): Promise<Response> {
  if (!env.BENCHMARK_ROUTES) return new Response(null, { status: 404 });
  const params = new URL(req.url).searchParams;
  const driver = drivers.safeParse(params.get("driver") ?? "prisma");
  if (!driver.success) return answer({ error: "driver is prisma or pg." }, 400);
  const input = parseInput(params.get("input"));
  if (!input.success) {
    const { fieldErrors } = z.flattenError(input.error);
    return answer({ error: "Invalid input.", fieldErrors }, 400);
  }

  const resHeaders = new Headers();
  const ctx = await createTRPCContext({ headers: req.headers, resHeaders });
  if (!ctx.auth) return answer({ error: "Sign in to continue." }, 401, resHeaders);
  const { workspaceSlug, ...list } = input.data;
  const scope = await findWorkspaceScope(ctx.auth.user.id, workspaceSlug);
  if (!scope) return answer({ error: "Workspace not found." }, 404, resHeaders);
  try {
    const page =
      driver.data === "pg"
        ? await listProjectsWithPg(scope, list)
        : await listProjects(scope, list);
    return answer(page, 200, resHeaders);
  } catch (error) {
    if (error instanceof DomainError && error.code === "BAD_REQUEST") {
      return answer({ error: error.message }, 400, resHeaders);
    }
    throw error;
  }
}
