/**
 * The CSV import of projects end to end against the real database, local storage and pg-boss:
 * preview errors by field, the batched job's summary and failed-rows file, the duplicates policy
 * (a re-run creates nothing), the plan's project limit, and a run interrupted between batches
 * that resumes from its checkpoint without duplicates.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { runImport } from "@/server/imports/run";
import { getStorage } from "@/server/storage";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { runQueuedJobs } from "@/test/jobs";
import { givePlan } from "@/test/plans";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

/** Ada owns "acme" (on `plan`, Free when omitted). */
async function acme(plan?: "pro" | "team") {
  const { user, token } = await signedInUser("ada@example.com");
  const { caller } = await callerWith(requestHeaders(token));
  await caller.workspace.create({ name: "Acme", slug: "acme" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "acme" } });
  if (plan) await givePlan(workspace.id, plan);
  return { caller, user, workspace };
}
type Caller = Awaited<ReturnType<typeof acme>>["caller"];

const workspaceSlug = "acme";
const mapping = { name: "Title", description: "Notes" };

/** Pastes `text`, starts the import with `mapping` (";" separated) and returns its id. */
async function started(caller: Caller, text: string) {
  const { id } = await caller.projectImport.create({
    workspaceSlug,
    source: { kind: "paste", text },
  });
  await caller.projectImport.start({ workspaceSlug, importId: id, delimiter: ";", mapping });
  return id;
}

async function streamText(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await getStorage().get(key)) as AsyncIterable<Buffer>) {
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString("utf8");
}

const MIXED = [
  "Title;Notes",
  "Apollo;First",
  ";No name here",
  "Gemini;Second",
  "apollo;Same name, other case",
  `${"x".repeat(81)};Too long`,
  '"Mercury; the one";"Quoted ""notes"""',
].join("\r\n");

describe("project import", () => {
  it("previews errors by field, imports in the job, and serves the failed rows with reasons", async () => {
    const { caller, workspace, user } = await acme("pro");
    const { id } = await caller.projectImport.create({
      workspaceSlug,
      source: { kind: "paste", text: `\uFEFF${MIXED}` },
    });
    const preview = await caller.projectImport.preview({ workspaceSlug, importId: id });
    expect(preview.delimiter).toBe(";");
    expect(preview.header).toEqual(["Title", "Notes"]);
    expect(preview.mapping).toEqual({ name: "Title", description: "Notes" });
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, {}],
      [3, { name: "Name is required." }],
      [4, {}],
      [5, {}],
      [6, { name: "Name is at most 80 characters." }],
      [7, {}],
    ]);
    // A mapping without the required field is refused, naming it.
    await expect(
      caller.projectImport.start({
        workspaceSlug,
        importId: id,
        delimiter: ";",
        mapping: { name: null, description: "Notes" },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose the column that holds the name.",
    });

    await caller.projectImport.start({ workspaceSlug, importId: id, delimiter: ";", mapping });
    await expect(
      caller.projectImport.start({ workspaceSlug, importId: id, delimiter: ";", mapping }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await runQueuedJobs("import-projects")).toBe(1);

    const result = await caller.projectImport.get({ workspaceSlug, importId: id });
    expect(result).toMatchObject({
      status: "done",
      total: 6,
      done: 6,
      created: 3,
      skipped: 1,
      failed: 2,
    });
    const projects = await db.project.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { name: "asc" },
      select: { name: true, description: true, ownerId: true },
    });
    expect(projects).toEqual([
      { name: "Apollo", description: "First", ownerId: user.id },
      { name: "Gemini", description: "Second", ownerId: user.id },
      { name: "Mercury; the one", description: 'Quoted "notes"', ownerId: user.id },
    ]);

    const row = await db.projectImport.findUniqueOrThrow({ where: { id } });
    const failed = parse(await streamText(row.failedRowsKey!), { columns: true }) as Record<
      string,
      string
    >[];
    expect(failed).toEqual([
      { Title: "", Notes: "No name here", reason: "name: Name is required." },
      { Title: "x".repeat(81), Notes: "Too long", reason: "name: Name is at most 80 characters." },
    ]);
    expect(result.failedRowsUrl).toMatch(/^http/);

    const audit = await db.auditLog.findMany({
      where: { workspaceId: workspace.id, action: { startsWith: "project_import." } },
      orderBy: { createdAt: "asc" },
      select: { action: true, metadata: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "project_import.started",
      "project_import.finished",
    ]);
    expect(audit[1]!.metadata).toMatchObject({ created: "3", skipped: "1", failed: "2" });
    expect(await caller.projectImport.list({ workspaceSlug })).toHaveLength(1);
  });

  it("creates nothing twice when the same file is imported again", async () => {
    const { caller, workspace } = await acme("pro");
    const first = await started(caller, MIXED);
    await runImport(first);
    const again = await started(caller, MIXED);
    await runImport(again);
    expect(await caller.projectImport.get({ workspaceSlug, importId: again })).toMatchObject({
      status: "done",
      created: 0,
      skipped: 4,
      failed: 2,
    });
    expect(await db.project.count({ where: { workspaceId: workspace.id } })).toBe(3);
  });

  it("stops at the plan's project limit, importing nothing beyond it", async () => {
    const { caller, workspace } = await acme();
    await caller.project.create({ workspaceSlug, name: "Existing" });
    const text = ["Title;Notes", ...Array.from({ length: 5 }, (_, i) => `P${i};`)].join("\n");
    const id = await started(caller, text);
    await runImport(id, { batchSize: 2 });
    const result = await caller.projectImport.get({ workspaceSlug, importId: id });
    expect(result).toMatchObject({ status: "stopped", created: 2, done: 2 });
    expect(result.error).toBe(
      "The Free plan allows 3 projects: the import stopped at line 4. Upgrade, then import the file again (rows already imported are skipped).",
    );
    expect(
      (await db.project.findMany({ where: { workspaceId: workspace.id }, select: { name: true } }))
        .map((p) => p.name)
        .sort(),
    ).toEqual(["Existing", "P0", "P1"]);
  });

  it("resumes after an interruption from the last committed batch, without duplicates", async () => {
    const { caller, workspace } = await acme("team");
    const rows = Array.from({ length: 23 }, (_, i) =>
      i % 7 === 3 ? `;bad ${i}` : `Project ${i};n`,
    );
    const id = await started(caller, ["Title;Notes", ...rows].join("\n"));

    // The worker dies after its second batch committed (as a SIGKILL would, between batches).
    await expect(
      runImport(id, {
        batchSize: 5,
        afterBatch: (done) => {
          if (done === 10) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    const halfway = await db.projectImport.findUniqueOrThrow({ where: { id } });
    expect(halfway).toMatchObject({
      status: "processing",
      total: 23,
      done: 10,
      created: 9,
      failed: 1,
    });
    expect(await db.project.count({ where: { workspaceId: workspace.id } })).toBe(9);

    // A second attempt (pg-boss's retry) carries on from row 11.
    const seen: number[] = [];
    expect(
      await runImport(id, { batchSize: 5, afterBatch: (done) => void seen.push(done) }),
    ).toEqual({
      status: "done",
      created: 20,
      skipped: 0,
      failed: 3,
    });
    expect(seen).toEqual([15, 20, 23]);
    const names = (
      await db.project.findMany({ where: { workspaceId: workspace.id }, select: { name: true } })
    ).map((p) => p.name);
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(20);
    expect(await db.projectImportFailure.count({ where: { importId: id } })).toBe(3);
    // A finished import is not run again.
    expect(await runImport(id)).toEqual({ skipped: "the import is done" });
  });
});
