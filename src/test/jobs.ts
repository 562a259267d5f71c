/**
 * Runs the queued jobs of a queue now, in this process, through pg-boss's own fetch / complete /
 * fail (the same queue the app sends to): tests use it where a worker would run them later, e.g.
 * `await runQueuedJobs("send-email")` before reading the dev outbox.
 */
import { jobs, type JobName } from "@/server/jobs";
import { getBoss } from "@/server/jobs/queue";
import type { JobDefinition } from "@/server/jobs/types";
import { runJob } from "@/server/jobs/worker";

export async function runQueuedJobs(name: JobName): Promise<number> {
  const boss = await getBoss();
  const definition = jobs[name] as JobDefinition<never>;
  let ran = 0;
  for (;;) {
    const [job] = await boss.fetch(name);
    if (!job) return ran;
    try {
      await boss.complete(name, job.id, await runJob(definition, job));
    } catch (error) {
      await boss.fail(name, job.id, {
        message: error instanceof Error ? error.message : String(error),
      });
    }
    ran += 1;
  }
}
