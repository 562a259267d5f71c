/**
 * `publish-posts`: publishes every scheduled post whose publishAt has passed
 * (src/server/content/posts.ts `publishDuePosts`, idempotent). Sent with pg-boss `startAfter`
 * = publishAt when a post is scheduled, and run every minute by cron as a safety net (a lost or
 * early job is harmless). When it published something it asks the app to refresh the public
 * pages (src/server/content/revalidate.ts); they also revalidate by time (ISR, 60 s).
 */
import "server-only";
import { z } from "zod";
import { publishDuePosts } from "@/server/content/posts";
import { requestRevalidation } from "@/server/content/revalidate";
import { defineJob } from "./types";

export const publishPostsJob = defineJob({
  name: "publish-posts",
  schema: z.object({}).loose(),
  cron: "* * * * *",
  queue: { retryLimit: 3, retryDelay: 10, expireInSeconds: 120 },
  async handle() {
    const published = await publishDuePosts();
    if (published.length > 0) await requestRevalidation();
    return { published };
  },
});
