/**
 * `delete-files`: deletes every stored object under a key prefix — a deleted workspace's
 * (`w/<id>/`), a deleted account's (`u/<id>/`), a replaced picture's. Sent after the rows are gone;
 * retried with backoff (5 times from 10 s) while storage is unreachable. Idempotent: a retry
 * deletes what is left.
 */
import "server-only";
import { z } from "zod";
import { getStorage } from "@/server/storage";
import { defineJob } from "./types";

export const deleteFilesJob = defineJob({
  name: "delete-files",
  schema: z.object({
    prefix: z.string().regex(/^[uw]\/[A-Za-z0-9_-]+\/(?:[A-Za-z0-9_./-]+\/)?$/, "a key prefix"),
  }),
  queue: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 600 },
  async handle({ prefix }) {
    return { deleted: await getStorage().deletePrefix(prefix) };
  },
});
