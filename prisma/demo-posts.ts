/**
 * The demo seed's posts (part of `npm run db:seed`): three published blog posts (one with code,
 * tags shared between them), a draft, and two changelog entries, authored by the demo staff
 * user. Upserted by slug, so re-seeding resets them.
 */
import type { Prisma } from "../src/generated/prisma/client";

const DAY_MS = 86_400_000;

/** The demo posts; `daysAgo` null = a draft. */
export const DEMO_POSTS = [
  {
    kind: "blog",
    slug: "end-to-end-types-with-trpc",
    title: "End-to-end types with tRPC, without writing an API contract",
    excerpt: "How a procedure's input and output types reach the browser by inference alone.",
    tags: ["engineering", "typescript"],
    daysAgo: 2,
    body: `Every procedure is parsed with zod on the server, and its types reach the client by
inference from \`AppRouter\`.

## A procedure

\`\`\`ts
export const postRouter = createTRPCRouter({
  get: editorProcedure
    .input(z.object({ postId: z.string() }))
    .query(({ input }) => getPost(input.postId)),
});
\`\`\`

## On the client

\`\`\`tsx
const post = useQuery(trpc.post.get.queryOptions({ postId }));
\`\`\`

No generated code, no drift: rename a field and the compiler shows every place to change.`,
  },
  {
    kind: "blog",
    slug: "payments-on-your-laptop",
    title: "Payments on your laptop: a local Stripe emulator",
    excerpt: "Checkout, webhooks and the customer portal, end to end, with no network.",
    tags: ["engineering", "billing"],
    daysAgo: 9,
    body: `The official Stripe SDK talks to a local emulator, so the whole payment journey runs
offline — in development, in CI and in the end-to-end tests.

- Checkout sessions and subscriptions
- Signed webhooks, retried like Stripe's
- The customer portal

> The app's code is the same in production: only the host changes.`,
  },
  {
    kind: "blog",
    slug: "welcome",
    title: "Welcome to the blog",
    excerpt: "What we will write about here, and how to follow along.",
    tags: ["news"],
    daysAgo: 30,
    body: `We will share product news, guides and how we build. Follow along with the
[RSS feed](/blog/rss.xml).`,
  },
  {
    kind: "blog",
    slug: "draft-roadmap",
    title: "Our roadmap (draft)",
    excerpt: "Not public yet.",
    tags: ["news"],
    daysAgo: null,
    body: "A draft: only editors see it, in the preview.",
  },
  {
    kind: "changelog",
    slug: "changelog-scheduled-posts",
    title: "Scheduled posts and a changelog",
    excerpt: "Editors can now schedule posts; they go live on time without a deploy.",
    tags: ["release"],
    daysAgo: 1,
    body: "- **New:** schedule a post for later.\n- **New:** this changelog.\n- **Fixed:** old post links redirect to the new address.",
  },
  {
    kind: "changelog",
    slug: "changelog-csv-export",
    title: "CSV export of a workspace",
    excerpt: "Export your projects and activity as one CSV file.",
    tags: ["release"],
    daysAgo: 12,
    body: "- **New:** export a workspace's projects and activity log as CSV, from the projects page.",
  },
] as const;

/** Upserts the demo posts by slug, authored by `authorId`, dated relative to `now`. */
export async function seedDemoPosts(tx: Prisma.TransactionClient, authorId: string, now: Date) {
  for (const { daysAgo, ...post } of DEMO_POSTS) {
    const publishedAt = daysAgo === null ? null : new Date(now.getTime() - daysAgo * DAY_MS);
    const data = {
      ...post,
      tags: [...post.tags],
      authorId,
      status: publishedAt ? ("published" as const) : ("draft" as const),
      publishedAt,
      publishAt: null,
    };
    await tx.post.upsert({ where: { slug: post.slug }, create: data, update: data });
  }
}
