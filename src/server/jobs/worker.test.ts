/**
 * The worker against the real queue (pg-boss on the test database): retries with exponential
 * backoff, a job that keeps failing ends failed with its error, a payload that no longer matches
 * its schema is rejected with the reason, and the mail queue delivers to the outbox.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/server/db";
import type { EmailMessage } from "@/server/mail/templates";
import { enqueue, getBoss } from "@/server/jobs/queue";
import { defineJob, type JobDefinition } from "@/server/jobs/types";
import { startWorker } from "@/server/jobs/worker";
import { logger } from "@/server/log";
import { cleanDatabaseBeforeEach } from "@/test/database";

cleanDatabaseBeforeEach();

let stopWorker: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopWorker?.();
  stopWorker = undefined;
});

async function run(definition: JobDefinition<never>) {
  const worker = await startWorker({ definitions: [definition], pollingIntervalSeconds: 0.5 });
  stopWorker = worker.stop;
  return worker.boss;
}

/** Polls until the job leaves the queue's open states; returns it with its metadata. */
async function settled(queue: string, id: string, timeoutMs = 20_000) {
  const boss = await getBoss();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [job] = await boss.findJobs(queue, { id });
    if (job && (job.state === "completed" || job.state === "failed")) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job?.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const queueName = (what: string) => `test-${what}-${Date.now().toString(36)}`;

describe("the job worker", () => {
  it("retries a job that fails twice with growing delays, and completes it once", async () => {
    const attempts: number[] = [];
    const flaky = defineJob({
      name: queueName("flaky"),
      schema: z.object({ n: z.number() }),
      queue: { retryLimit: 3, retryDelay: 1, retryBackoff: true },
      async handle({ n }) {
        attempts.push(Date.now());
        if (attempts.length <= 2) throw new Error(`attempt ${attempts.length} failed`);
        return { doubled: n * 2 };
      },
    });
    const boss = await run(flaky as JobDefinition<never>);
    const id = (await boss.send(flaky.name, { n: 21 }))!;
    const job = await settled(flaky.name, id);
    expect(job.state).toBe("completed");
    expect(job.output).toEqual({ doubled: 42 });
    expect(attempts).toHaveLength(3);
    // pg-boss's backoff: retryDelay × 2^n / 2 plus up to as much jitter, so at least 1 s, then 2 s.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(950);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(1950);
  }, 30_000);

  it("ends a job that always fails as failed, with its error kept and each failure reported", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    let attempts = 0;
    const broken = defineJob({
      name: queueName("broken"),
      schema: z.object({}),
      queue: { retryLimit: 1, retryDelay: 1 },
      async handle() {
        attempts += 1;
        throw new Error("the mail server said no");
      },
    });
    const boss = await run(broken as JobDefinition<never>);
    const id = (await boss.send(broken.name, {}))!;
    const job = await settled(broken.name, id);
    expect(job.state).toBe("failed");
    expect(attempts).toBe(2);
    expect(JSON.stringify(job.output)).toContain("the mail server said no");
    // src/server/error-reporting.ts: one report per failed attempt, with the job's name and id.
    const reports = log.mock.calls.filter(([, msg]) => msg === "error report");
    expect(reports).toHaveLength(2);
    expect(reports[0]![0]).toMatchObject({
      report: {
        source: "job",
        error: { message: "the mail server said no" },
        context: { job: broken.name, jobId: id },
      },
    });
    log.mockRestore();
  }, 30_000);

  it("rejects, without retrying, a payload that no longer matches the job's schema", async () => {
    let ran = false;
    const strict = defineJob({
      name: queueName("strict"),
      schema: z.object({ exportId: z.string() }),
      queue: { retryLimit: 3, retryDelay: 1 },
      async handle() {
        ran = true;
      },
    });
    const boss = await run(strict as JobDefinition<never>);
    const id = (await boss.send(strict.name, { legacyField: 1 }))!;
    const job = await settled(strict.name, id);
    expect(job.state).toBe("completed");
    expect(job.retryCount).toBe(0);
    expect(JSON.stringify(job.output)).toMatch(/rejected.*does not match the .* schema/);
    expect(ran).toBe(false);
  });

  it("delivers queued mail to the outbox, and refuses to queue a malformed one", async () => {
    const worker = await startWorker({ pollingIntervalSeconds: 0.5 });
    stopWorker = worker.stop;
    const message: EmailMessage = {
      template: "securityNotice",
      props: {
        name: "Ada",
        event: "Your password was changed",
        at: new Date().toISOString(),
        userText: [],
      },
    };
    await enqueue("send-email", { kind: "message", to: "ada@example.com", message });
    await expect
      .poll(() => db.outboxEmail.count({ where: { to: "ada@example.com" } }), { timeout: 10_000 })
      .toBe(1);
    // Rendered by the worker as it sent it: the brand's layout, in HTML and plain text.
    const sent = await db.outboxEmail.findFirstOrThrow({ where: { to: "ada@example.com" } });
    expect(sent.subject).toBe("Security notice: Your password was changed");
    expect(sent.html).toContain("Account name: “Ada”");
    expect(sent.text).toContain("Account name: “Ada”");
    await expect(
      enqueue("send-email", { kind: "message", to: "not an address", message }),
    ).rejects.toThrow();
    await expect(
      enqueue("send-email", {
        kind: "message",
        to: "ada@example.com",
        message: { template: "verifyEmail", props: { name: "Ada", url: "not a url" } },
      }),
    ).rejects.toThrow();
  });
});
