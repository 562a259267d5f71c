/**
 * Posts (blog and changelog): the editorial workflow of /admin/posts and the public reads of
 * /blog, /changelog, the feed and the sitemap. One home for the visibility rule: a post is public
 * when `published`, or `scheduled` with `publishAt <= now` (the `publish-posts` job then flips it
 * to published; the rule makes the pages right even before that job runs).
 *
 * Workflow: create (draft) → update (any status; a slug change keeps the old slug as a 308
 * redirect) → schedule (future publishAt) | publish now → unpublish (back to draft) | archive.
 * Every change is audited (`post.*`, target "post") in the transaction of the change.
 *
 * Slugs are unique across both kinds, and across old slugs of other posts, so every redirect
 * points to exactly one post.
 */
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PostKind, PostStatus } from "@/schemas/constants";
import type { PostFieldsInput, PostListInput, PostUpdateInput } from "@/schemas/post";
import { recordAudit, type AuditEntry } from "@/server/audit/log";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { keysetPage, keysetQuery, likeLiteral, type KeysetOrder } from "@/server/pagination";

/** Posts per page of /blog, /blog/tags/<tag> and /changelog. */
export const PUBLIC_PAGE_SIZE = 10;

/** The editor's list order: most recently changed first. */
const RECENTLY_UPDATED: KeysetOrder<"updatedAt"> = {
  field: "updatedAt",
  dir: "desc",
  type: "date",
};

const authorSelect = { select: { id: true, name: true } } as const;

/** Where-condition of public posts at `now` (see the module comment). */
export function publicWhere(now = new Date()): Prisma.PostWhereInput {
  return {
    OR: [
      { status: "published", publishedAt: { lte: now } },
      { status: "scheduled", publishAt: { lte: now } },
    ],
  };
}

/** A post's public date: when it went (or, if its job is late, was due to go) public. */
export const publicDate = (post: {
  publishedAt: Date | null;
  publishAt: Date | null;
  createdAt: Date;
}) => post.publishedAt ?? post.publishAt ?? post.createdAt;

const notFound = () => new DomainError("NOT_FOUND", "This post does not exist.");

/** Audit metadata naming the post. */
const facts = (post: { title: string; slug: string; kind: string }) => ({
  title: post.title,
  slug: post.slug,
  kind: post.kind,
});

/** Records a post change in `tx`: by `actorId`, or by the schedule when null. */
function audit(
  tx: Prisma.TransactionClient,
  actorId: string | null,
  action: AuditEntry["action"],
  post: { id: string; title: string; slug: string; kind: string },
  extra: Prisma.InputJsonObject = {},
) {
  return recordAudit(tx, {
    workspaceId: null,
    actorId,
    ...(actorId ? {} : { via: "schedule" as const }),
    action,
    targetType: "post",
    targetId: post.id,
    metadata: { ...facts(post), ...extra },
  });
}

/**
 * @throws DomainError CONFLICT on "slug" when another post has `slug`, now or as an old slug.
 */
async function assertSlugFree(tx: Prisma.TransactionClient, slug: string, postId?: string) {
  const [current, old] = await Promise.all([
    tx.post.findUnique({ where: { slug }, select: { id: true } }),
    tx.postSlugRedirect.findUnique({ where: { slug }, select: { postId: true } }),
  ]);
  if ((current && current.id !== postId) || (old && old.postId !== postId)) {
    throw new DomainError("CONFLICT", "Another post already uses this slug.", "slug");
  }
}

const fieldsData = (fields: PostFieldsInput) => ({
  kind: fields.kind,
  title: fields.title,
  slug: fields.slug,
  excerpt: fields.excerpt,
  body: fields.body,
  coverImageUrl: fields.coverImageUrl || null,
  tags: [...new Set(fields.tags ?? [])],
});

/** One page of posts for the editor, most recently changed first, filtered by kind, status and `q` (title or slug). */
export async function listPosts(input: PostListInput & { limit: number }) {
  const page = keysetQuery<Prisma.PostWhereInput>(RECENTLY_UPDATED, input.cursor, input.limit);
  const q = input.q?.trim();
  const rows = await db.post.findMany({
    where: {
      AND: [
        input.kind ? { kind: input.kind } : {},
        input.status ? { status: input.status } : {},
        q
          ? {
              OR: [
                { title: { contains: likeLiteral(q), mode: "insensitive" } },
                { slug: { contains: likeLiteral(q), mode: "insensitive" } },
              ],
            }
          : {},
        page.where ?? {},
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: {
      id: true,
      kind: true,
      title: true,
      slug: true,
      status: true,
      tags: true,
      publishAt: true,
      publishedAt: true,
      updatedAt: true,
      author: authorSelect,
    },
  });
  return keysetPage(rows, RECENTLY_UPDATED, input.limit);
}

/** A post with everything the editor shows. @throws DomainError NOT_FOUND. */
export async function getPost(postId: string) {
  const post = await db.post.findUnique({
    where: { id: postId },
    include: { author: authorSelect, slugRedirects: { select: { slug: true } } },
  });
  if (!post) throw notFound();
  return post;
}

/** Creates a draft by `actorId` (its author). @throws DomainError CONFLICT on "slug". */
export async function createPost(actorId: string, fields: PostFieldsInput) {
  return db.$transaction(async (tx) => {
    await assertSlugFree(tx, fields.slug);
    const post = await tx.post.create({
      data: { ...fieldsData(fields), authorId: actorId, status: "draft" },
    });
    await audit(tx, actorId, "post.created", post);
    return post;
  });
}

/**
 * Saves a post's fields, whatever its status. A new slug keeps the old one as a redirect (and
 * takes back one of the post's own old slugs, dropping that redirect).
 * @throws DomainError NOT_FOUND; CONFLICT on "slug".
 */
export async function updatePost(actorId: string, input: PostUpdateInput) {
  const { postId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.post.findUnique({ where: { id: postId } });
    if (!before) throw notFound();
    if (fields.slug !== before.slug) {
      await assertSlugFree(tx, fields.slug, postId);
      await tx.postSlugRedirect.deleteMany({ where: { slug: fields.slug, postId } });
      await tx.postSlugRedirect.create({ data: { slug: before.slug, postId } });
    }
    const post = await tx.post.update({
      where: { id: postId },
      data: fieldsData(fields),
    });
    await audit(
      tx,
      actorId,
      "post.updated",
      post,
      before.slug !== post.slug ? { previousSlug: before.slug } : {},
    );
    return post;
  });
}

/** Sets a post's status (and dates) in a transaction with its audit entry. */
async function transition(
  actorId: string | null,
  postId: string,
  action: AuditEntry["action"],
  data: (before: { status: PostStatus; publishedAt: Date | null }) => Prisma.PostUpdateInput,
  extra: Prisma.InputJsonObject = {},
) {
  return db.$transaction(async (tx) => {
    const before = await tx.post.findUnique({ where: { id: postId } });
    if (!before) throw notFound();
    const post = await tx.post.update({ where: { id: postId }, data: data(before) });
    await audit(tx, actorId, action, post, extra);
    return post;
  });
}

/**
 * Schedules a post to go public at `publishAt` (status `scheduled`). The caller enqueues the
 * `publish-posts` run at that time (src/server/jobs/publish-posts.ts).
 * @throws DomainError NOT_FOUND; BAD_REQUEST on "publishAt" when it is not in the future.
 */
export async function schedulePost(
  actorId: string,
  postId: string,
  publishAt: Date,
  now = new Date(),
) {
  if (publishAt.getTime() <= now.getTime()) {
    throw new DomainError("BAD_REQUEST", "Publish date must be in the future.", "publishAt");
  }
  return transition(actorId, postId, "post.scheduled", () => ({ status: "scheduled", publishAt }), {
    publishAt: publishAt.toISOString(),
  });
}

/** Publishes a post now; `publishedAt` keeps its first publication date. @throws DomainError NOT_FOUND. */
export function publishPost(actorId: string, postId: string, now = new Date()) {
  return transition(actorId, postId, "post.published", (before) => ({
    status: "published",
    publishAt: null,
    publishedAt: before.publishedAt ?? now,
  }));
}

/** Takes a post off the site (back to draft; a pending schedule is cancelled). @throws DomainError NOT_FOUND. */
export function unpublishPost(actorId: string, postId: string) {
  return transition(actorId, postId, "post.unpublished", () => ({
    status: "draft",
    publishAt: null,
  }));
}

/** Archives a post: off the site and out of the default lists. @throws DomainError NOT_FOUND. */
export function archivePost(actorId: string, postId: string) {
  return transition(actorId, postId, "post.archived", () => ({
    status: "archived",
    publishAt: null,
  }));
}

/**
 * The `publish-posts` job's work: every scheduled post whose publishAt has passed becomes
 * published (publishedAt = its publishAt), audited with `via: "schedule"`. Idempotent: a post
 * unpublished, rescheduled later or already published is not touched, so a duplicate or early
 * run changes nothing. Returns the slugs published.
 */
export async function publishDuePosts(now = new Date()): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const due = await tx.post.findMany({
      where: { status: "scheduled", publishAt: { lte: now } },
      select: { id: true, title: true, slug: true, kind: true, publishAt: true },
    });
    for (const post of due) {
      // Conditional on the row still being due: a concurrent unpublish wins.
      const { count } = await tx.post.updateMany({
        where: { id: post.id, status: "scheduled", publishAt: post.publishAt },
        data: { status: "published", publishedAt: post.publishAt },
      });
      if (count === 1) await audit(tx, null, "post.published", post);
    }
    return due.map((post) => post.slug);
  });
}

// ---------------------------------------------------------------------------------------------
// Public reads (cached pages): no per-request input but the path.

const publicSelect = {
  id: true,
  kind: true,
  title: true,
  slug: true,
  excerpt: true,
  coverImageUrl: true,
  tags: true,
  publishAt: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  author: authorSelect,
} as const;

/**
 * Page `page` (1-based) of public posts of `kind` (and `tag`), newest first, with the page count.
 * An out-of-range page has no items.
 */
export async function listPublicPosts(options: { kind: PostKind; tag?: string; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const where: Prisma.PostWhereInput = {
    AND: [publicWhere(), { kind: options.kind }, options.tag ? { tags: { has: options.tag } } : {}],
  };
  const [items, total] = await db.$transaction([
    db.post.findMany({
      where,
      orderBy: [
        { publishedAt: { sort: "desc", nulls: "last" } },
        { publishAt: "desc" },
        { id: "desc" },
      ],
      skip: (page - 1) * PUBLIC_PAGE_SIZE,
      take: PUBLIC_PAGE_SIZE,
      select: publicSelect,
    }),
    db.post.count({ where }),
  ]);
  return { items, page, pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)) };
}

/**
 * The public post at `slug` with its Markdown body, or `{ redirectTo }` when `slug` is an old
 * slug of a public post, or null (unknown, draft, scheduled in the future, archived).
 */
export async function findPublicPost(slug: string) {
  const post = await db.post.findFirst({
    where: { AND: [publicWhere(), { slug }] },
    select: { ...publicSelect, body: true },
  });
  if (post) return { post };
  const redirect = await db.postSlugRedirect.findUnique({
    where: { slug },
    select: { post: { select: { slug: true } }, postId: true },
  });
  if (!redirect) return null;
  const target = await db.post.count({ where: { AND: [publicWhere(), { id: redirect.postId }] } });
  return target ? { redirectTo: redirect.post.slug } : null;
}

/** Every public post's slug, kind, tags and last change: the sitemap, feed and static params. */
export function listAllPublicPosts(kind?: PostKind) {
  return db.post.findMany({
    where: { AND: [publicWhere(), kind ? { kind } : {}] },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    select: { ...publicSelect, body: true },
  });
}

/** Tags of public blog posts with their latest change, by tag (the sitemap and tag pages). */
export async function listPublicTags(): Promise<{ tag: string; updatedAt: Date }[]> {
  const posts = await db.post.findMany({
    where: { AND: [publicWhere(), { kind: "blog" }] },
    select: { tags: true, updatedAt: true },
  });
  const latest = new Map<string, Date>();
  for (const post of posts) {
    for (const tag of post.tags) {
      const seen = latest.get(tag);
      if (!seen || seen < post.updatedAt) latest.set(tag, post.updatedAt);
    }
  }
  return [...latest]
    .map(([tag, updatedAt]) => ({ tag, updatedAt }))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}
