/**
 * The admin console's job procedures end to end (router → service → pg-boss): list and retry,
 * and what each records.
 */
import { describe, expect, it } from "vitest";
import { getBoss } from "@/server/jobs/queue";
import { auditRows, codeOf, signedInAdmin } from "@/test/admin";
import { cleanDatabaseBeforeEach } from "@/test/database";

cleanDatabaseBeforeEach();

describe("admin console: jobs", () => {
  /** A cleanup job run by hand through pg-boss: completed, or failed with `message`. */
  async function ranJob(result: { fail: string } | "complete") {
    const boss = await getBoss();
    const id = await boss.send("cleanup", {}, { retryLimit: 0 });
    const [job] = await boss.fetch("cleanup");
    expect(job?.id).toBe(id);
    if (result === "complete") await boss.complete("cleanup", id!, { sessions: 0 });
    else await boss.fail("cleanup", id!, { message: result.fail });
    return id!;
  }

  it("lists a failed job first with its error, and retries it (audited)", async () => {
    const { api, user: admin } = await signedInAdmin();
    const done = await ranJob("complete");
    const failed = await ranJob({ fail: "database went away" });
    const { items } = await api.jobs.list({});
    expect(items.map((j) => j.id)).toEqual([failed, done]);
    expect(items[0]).toMatchObject({
      queue: "cleanup",
      state: "failed",
      attempts: 1,
      maxAttempts: 1,
      error: "database went away",
    });
    // Completed on its first try: pg-boss's retry_count is 0, but one attempt was made.
    expect(items[1]).toMatchObject({
      state: "completed",
      attempts: 1,
      maxAttempts: 1,
      error: null,
    });
    expect((await api.jobs.list({ state: "completed" })).items.map((j) => j.id)).toEqual([done]);
    expect((await api.jobs.list({ queue: "send-email" })).items).toEqual([]);
    expect(await codeOf(api.jobs.list({ queue: "no-such-queue" }))).toBe("BAD_REQUEST");

    await expect(api.jobs.retry({ queue: "cleanup", jobId: failed })).resolves.toEqual({
      status: "queued",
    });
    const [again] = await (await getBoss()).findJobs("cleanup", { id: failed });
    expect(again?.state).toBe("retry");
    expect(await auditRows("admin.job_retried")).toMatchObject([
      { actorId: admin.id, targetId: failed, metadata: { queue: "cleanup", jobId: failed } },
    ]);

    // The retried job runs again and succeeds: its second attempt of the two it now has.
    const [second] = await (await getBoss()).fetch("cleanup");
    expect(second?.id).toBe(failed);
    await (await getBoss()).complete("cleanup", failed, { sessions: 0 });
    const completed = await api.jobs.list({ state: "completed" });
    expect(completed.items.find((j) => j.id === failed)).toMatchObject({
      attempts: 2,
      maxAttempts: 2,
    });
  });

  it("counts no attempt for a job no worker has taken yet", async () => {
    const { api } = await signedInAdmin();
    const id = await (await getBoss()).send("cleanup", {}, { retryLimit: 2 });
    const { items } = await api.jobs.list({ state: "created" });
    expect(items.find((j) => j.id === id)).toMatchObject({ attempts: 0, maxAttempts: 3 });
  });

  it("refuses to retry a completed job with CONFLICT, and records the refusal", async () => {
    const { api, user: admin } = await signedInAdmin();
    const done = await ranJob("complete");
    await expect(api.jobs.retry({ queue: "cleanup", jobId: done })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only a failed job can be retried.",
    });
    expect(await auditRows("admin.job_retry_refused")).toMatchObject([
      {
        actorId: admin.id,
        targetId: done,
        metadata: { state: "completed", reason: "Only a failed job can be retried." },
      },
    ]);
    expect(
      await codeOf(
        api.jobs.retry({ queue: "cleanup", jobId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toBe("NOT_FOUND");
  });
});
