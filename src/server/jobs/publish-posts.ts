/**
 * `publish-posts`: publishes every scheduled post whose publishAt has passed
 * (src/server/content/posts.ts `publishDuePosts`, idempotent). Sent with pg-boss `startAfter`
 * = publishAt when a post is scheduled, and run every minute by cron as a safety net (a lost or
 * early job is harmless). The public pages revalidate by time (ISR, 60 s) and already show a
 * post whose publishAt has passed, so the worker needs no call into Next.
 */
import "server-only";
import { z } from "zod";
import { publishDuePosts } from "@/server/content/posts";
import { defineJob } from "./types";

export const publishPostsJob = defineJob({
  name: "publish-posts",
  schema: z.object({}).loose(),
  cron: "* * * * *",
  queue: { retryLimit: 3, retryDelay: 10, expireInSeconds: 120 },
  async handle() {
    return { published: await publishDuePosts() };
  },
});
