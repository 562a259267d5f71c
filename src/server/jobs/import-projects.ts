/**
 * `import-projects`: runs a started CSV import of projects (src/server/imports/run.ts) from its
 * checkpoint. Queued by `startImport` (src/server/imports/projects.ts).
 *
 * Retries: 3, with exponential backoff from 5 s; each retry resumes after the last committed
 * batch. Heartbeat 30 s, so a killed worker's import is taken up by another worker within about a
 * minute of supervision. The last attempt that throws marks the import failed with a message for
 * the user (the rows of the committed batches stay imported; the summary says how many).
 */
import "server-only";
import { z } from "zod";
import { db } from "@/server/db";
import { runImport, Superseded } from "@/server/imports/run";
import { defineJob } from "./types";

const queue = {
  retryLimit: 3,
  retryDelay: 5,
  retryBackoff: true,
  // 100,000 rows take well under a minute; a million rows a few.
  expireInSeconds: 3_600,
  heartbeatSeconds: 30,
};

export const importProjectsJob = defineJob({
  name: "import-projects",
  schema: z.object({ importId: z.string().min(1) }),
  queue,
  async handle({ importId }, job) {
    try {
      return await runImport(importId, { signal: job.signal as AbortSignal | undefined });
    } catch (error) {
      if (error instanceof Superseded) {
        return { skipped: "the import was taken over by a newer attempt" };
      }
      if (job.retryCount >= queue.retryLimit) {
        await db.projectImport
          .updateMany({
            where: { id: importId, status: { in: ["pending", "processing"] } },
            data: {
              status: "failed",
              error:
                "The import stopped after several attempts. The rows counted as done are imported.",
              finishedAt: new Date(),
            },
          })
          .catch((markError: unknown) =>
            console.error(`import ${importId}: could not mark it failed: ${String(markError)}`),
          );
      }
      throw error;
    }
  },
});
