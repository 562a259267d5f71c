/**
 * CSV exports against a real database and the real queue (jobs run in-process through pg-boss's
 * fetch / complete / fail): the plan gate, one export at a time, the file's rows (paged reads,
 * tenant isolation, CSV quoting, formula neutralising), a deleted workspace, the last attempt
 * marking the export failed and its retry, and who may download what (the service and the
 * `GET /api/exports/[id]` route).
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/exports/[id]/route";
import { lucia } from "@/server/auth/lucia";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { EXPORT_COLUMNS, EXPORT_PAGE_SIZE } from "@/server/jobs/export-workspace";
import { getBoss } from "@/server/jobs/queue";
import { getExportFile, listExports, requestExport, retryExport } from "@/server/services/exports";
import { createProject } from "@/server/services/projects";
import { findWorkspaceScope } from "@/server/services/workspaces";
import { givePlan } from "@/test/plans";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { runQueuedJobs } from "@/test/jobs";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** The request cookies the download route sees through `cookies()` (set per test). */
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
  }),
}));

/** `GET /api/exports/<id>` with `token`'s session cookie (none when null). */
function download(id: string, token: string | null) {
  cookieJar.clear();
  if (token) cookieJar.set(lucia.sessionCookieName, token);
  return GET(new Request(`http://localhost/api/exports/${id}`), {
    params: Promise.resolve({ id }),
  });
}

/** `email` signs up and creates workspace `slug`, on `plan`; returns the user, session token and scope. */
async function setUp(email: string, slug: string, plan: "free" | "pro" = "pro") {
  const { user, token } = await signedInUser(email);
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: slug.toUpperCase(), slug });
  const scope = (await findWorkspaceScope(user.id, slug))!;
  if (plan === "pro") {
    await givePlan(scope.workspace.id, "pro");
  }
  return { user, token, scope };
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

type Row = Record<(typeof EXPORT_COLUMNS)[number], string>;

function parseCsv(content: string): Row[] {
  return parse(content, { columns: true }) as Row[];
}

describe("CSV exports", () => {
  it("are a paid feature: a Free workspace gets PAYMENT_REQUIRED and nothing is queued", async () => {
    const { scope } = await setUp("ada@example.com", "acme", "free");
    const error = await rejection(requestExport(scope));
    expect(error.code).toBe("PAYMENT_REQUIRED");
    expect(await db.export.count()).toBe(0);
    expect(await runQueuedJobs("export-workspace")).toBe(0);
  });

  it("builds one CSV of the workspace's projects and activity, and only of that workspace", async () => {
    const { scope, user } = await setUp("ada@example.com", "acme");
    const { scope: other } = await setUp("bob@example.com", "globex");
    const tricky = 'Quote "q", comma, and\nnewline';
    await createProject(scope, { name: tricky, description: "line one\nline, two" });
    await createProject(scope, { name: '=HYPERLINK("http://evil")', description: "" });
    // More than two pages, with pairs sharing a createdAt: the keyset must break ties by id.
    const base = Date.UTC(2026, 0, 1);
    await db.project.createMany({
      data: Array.from({ length: EXPORT_PAGE_SIZE * 2 + 50 }, (_, i) => ({
        workspaceId: scope.workspace.id,
        name: `bulk-${String(i).padStart(3, "0")}`,
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
    await createProject(other, { name: "Globex secret", description: "" });

    const started = await requestExport(scope);
    expect(started).toMatchObject({ status: "pending", progress: 0 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "export.requested" } });
    expect(audit).toMatchObject({ workspaceId: scope.workspace.id, actorId: user.id });
    expect((await db.export.findUniqueOrThrow({ where: { id: started.id } })).jobId).toBeTruthy();

    expect(await runQueuedJobs("export-workspace")).toBe(1);
    const done = await db.export.findUniqueOrThrow({ where: { id: started.id } });
    expect(done).toMatchObject({ status: "done", progress: 100, error: null });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt).toBeInstanceOf(Date);

    const rows = parseCsv(done.content!);
    expect(Object.keys(rows[0]!)).toEqual([...EXPORT_COLUMNS]);
    const projects = await db.project.findMany({ where: { workspaceId: scope.workspace.id } });
    const entries = await db.auditLog.findMany({ where: { workspaceId: scope.workspace.id } });
    expect(done.rowCount).toBe(projects.length + entries.length);
    expect(rows).toHaveLength(done.rowCount!);

    const projectRows = rows.filter((r) => r.section === "project");
    const activityRows = rows.filter((r) => r.section === "activity");
    expect(projectRows.map((r) => r.id).sort()).toEqual(projects.map((p) => p.id).sort());
    expect(activityRows.map((r) => r.id).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // Projects first, then activity; each in creation order.
    expect(rows.findIndex((r) => r.section === "activity")).toBe(projectRows.length);

    const otherIds = (await db.project.findMany({ where: { workspaceId: other.workspace.id } }))
      .map((p) => p.id)
      .concat(
        (await db.auditLog.findMany({ where: { workspaceId: other.workspace.id } })).map(
          (e) => e.id,
        ),
      );
    expect(rows.some((r) => otherIds.includes(r.id))).toBe(false);
    expect(done.content).not.toContain("Globex");

    const trickyRow = projectRows.find((r) => r.name_or_action === tricky)!;
    expect(trickyRow).toMatchObject({ status: "active", actor: "ada@example.com" });
    expect(JSON.parse(trickyRow.details)).toEqual({ description: "line one\nline, two" });
    expect(new Date(trickyRow.created_at).toISOString()).toBe(trickyRow.created_at);
    // A formula is neutralised for spreadsheet apps.
    expect(projectRows.some((r) => r.name_or_action === '\'=HYPERLINK("http://evil")')).toBe(true);
    const created = activityRows.find((r) => r.name_or_action === "project.created")!;
    expect(created.actor).toBe("ada@example.com");
    expect(JSON.parse(created.details)).toMatchObject({ targetType: "project", actorName: "Ada" });

    const file = await getExportFile(user.id, started.id);
    expect(file).toEqual({
      fileName: `acme-export-${done.finishedAt!.toISOString().slice(0, 10)}.csv`,
      content: done.content,
    });
    const [listed] = await listExports(scope);
    expect(listed).toMatchObject({ id: started.id, status: "done", rowCount: done.rowCount });
    expect(listed).not.toHaveProperty("content");
  });

  it("runs one export at a time per workspace: a second request returns the running one", async () => {
    const { scope } = await setUp("ada@example.com", "acme");
    const first = await requestExport(scope);
    expect(first).toMatchObject({ status: "pending", started: true });
    // A double click, sequential or concurrent, starts nothing more and is not an error.
    const [again, concurrent] = await Promise.all([requestExport(scope), requestExport(scope)]);
    expect(again).toMatchObject({ id: first.id, started: false });
    expect(concurrent).toMatchObject({ id: first.id, started: false });
    expect(await db.export.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "export.requested" } })).toBe(1);
    await runQueuedJobs("export-workspace");
    const next = await requestExport(scope);
    expect(next).toMatchObject({ status: "pending", started: true });
    expect(next.id).not.toBe(first.id);
  });

  it("skips, without an error, the export of a workspace deleted before the job ran", async () => {
    const { scope } = await setUp("ada@example.com", "acme");
    const started = await requestExport(scope);
    const { jobId } = await db.export.findUniqueOrThrow({ where: { id: started.id } });
    await db.workspace.delete({ where: { id: scope.workspace.id } });
    expect(await runQueuedJobs("export-workspace")).toBe(1);
    const job = await (await getBoss()).getJobById("export-workspace", jobId!);
    expect(job?.state).toBe("completed");
    expect(job?.output).toMatchObject({ skipped: expect.stringContaining("no longer exists") });
  });

  it("marks an export failed on its last attempt, with the reason, and retries it to done", async () => {
    const { scope, user } = await setUp("ada@example.com", "acme");
    await createProject(scope, { name: "Apollo", description: "" });
    // A real failure from the database: a trigger refuses to store a finished export (as a full
    // disk or a lost connection would), on every attempt, until it is dropped.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_export() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'no space left on device'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_export BEFORE UPDATE ON "Export"
      FOR EACH ROW WHEN (NEW.status = 'done') EXECUTE FUNCTION refuse_export()`);
    try {
      const started = await requestExport(scope);
      const { jobId } = await db.export.findUniqueOrThrow({ where: { id: started.id } });
      const boss = await getBoss();
      // pg-boss makes 1 + retryLimit (3) attempts. Between them it waits 5 s, 10 s, 20 s (with
      // jitter): instead of waiting, each retry is made due now, then run through fetch / fail.
      for (let attempt = 0; attempt <= 3; attempt++) {
        if (attempt > 0) {
          await db.$executeRawUnsafe(
            `UPDATE pgboss.job SET start_after = now() WHERE id = $1::uuid AND state = 'retry'`,
            jobId,
          );
        }
        expect(await runQueuedJobs("export-workspace")).toBe(1);
        const row = await db.export.findUniqueOrThrow({ where: { id: started.id } });
        if (attempt < 3) {
          // Not the last attempt: still in progress for the user, no error shown yet.
          expect(row).toMatchObject({ status: "processing", error: null });
          expect((await boss.getJobById("export-workspace", jobId!))?.state).toBe("retry");
        }
      }
      expect((await boss.getJobById("export-workspace", jobId!))?.state).toBe("failed");
      const failed = await db.export.findUniqueOrThrow({ where: { id: started.id } });
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/^The export failed: .*no space left on device/);
      expect(await getExportFile(user.id, started.id)).toBeNull();

      await db.$executeRawUnsafe(`DROP TRIGGER refuse_export ON "Export"`);
      const retried = await retryExport(scope, started.id);
      expect(retried).toMatchObject({ status: "pending", progress: 0, error: null });
      expect(await db.auditLog.count({ where: { action: "export.retried" } })).toBe(1);
      expect(await runQueuedJobs("export-workspace")).toBe(1);
      const done = await db.export.findUniqueOrThrow({ where: { id: started.id } });
      expect(done).toMatchObject({ status: "done", progress: 100, error: null });
      expect(parseCsv(done.content!).some((r) => r.name_or_action === "Apollo")).toBe(true);

      const error = await rejection(retryExport(scope, started.id));
      expect(error).toMatchObject({
        code: "CONFLICT",
        message: "Only a failed export can be retried.",
      });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_export ON "Export"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS refuse_export()`);
    }
  });

  it("refuses to retry another workspace's export (NOT_FOUND)", async () => {
    const { scope } = await setUp("ada@example.com", "acme");
    const { scope: other } = await setUp("bob@example.com", "globex");
    const started = await requestExport(scope);
    const error = await rejection(retryExport(other, started.id));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("reports failed a running export whose job pg-boss no longer runs", async () => {
    const { scope } = await setUp("ada@example.com", "acme");
    const started = await requestExport(scope);
    const { jobId } = await db.export.findUniqueOrThrow({ where: { id: started.id } });
    await (await getBoss()).cancel("export-workspace", jobId!);
    const [listed] = await listExports(scope);
    expect(listed).toMatchObject({ id: started.id, status: "failed" });
    expect(listed!.error).toMatch(/stopped before it finished/);
    await expect(requestExport(scope)).resolves.toMatchObject({ status: "pending" });
  });

  it("gives the file only to members, and only once it is done", async () => {
    const { scope, user } = await setUp("ada@example.com", "acme");
    const { user: outsider } = await setUp("eve@example.com", "evil");
    const started = await requestExport(scope);
    expect(await getExportFile(user.id, started.id)).toBeNull(); // pending
    await runQueuedJobs("export-workspace");
    expect(await getExportFile(outsider.id, started.id)).toBeNull();
    expect(await getExportFile(user.id, "unknown")).toBeNull();
    expect(await getExportFile(user.id, started.id)).not.toBeNull();
  });
});

describe("GET /api/exports/[id]", () => {
  it("sends a finished export to a member as a CSV attachment, and 404 to everyone else", async () => {
    const { scope, token } = await setUp("ada@example.com", "acme");
    const { token: outsider } = await setUp("eve@example.com", "evil");
    const started = await requestExport(scope);

    for (const [id, who] of [
      [started.id, token], // not finished yet
      [started.id, null], // signed out
      ["unknown", token],
    ] as const) {
      const response = await download(id, who);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "Not found." });
    }

    await runQueuedJobs("export-workspace");
    expect((await download(started.id, outsider)).status).toBe(404);
    expect((await download(started.id, null)).status).toBe(404);

    const response = await download(started.id, token);
    expect(response.status).toBe(200);
    const { content, finishedAt } = await db.export.findUniqueOrThrow({
      where: { id: started.id },
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="acme-export-${finishedAt!.toISOString().slice(0, 10)}.csv"`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe(content);
  });
});
