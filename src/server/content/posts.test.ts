/**
 * The post service against the real database: workflow transitions and their audit entries, slug
 * uniqueness and 308 redirects, the visibility rule (drafts, future schedules and archived posts
 * never public), and the `publish-posts` sweep's idempotency. Also the editor gate of the router.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  archivePost,
  createPost,
  findPublicPost,
  listAllPublicPosts,
  listPublicPosts,
  listPublicTags,
  publishDuePosts,
  publishPost,
  schedulePost,
  unpublishPost,
  updatePost,
} from "@/server/content/posts";
import { DomainError } from "@/server/errors";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

const fields = (slug: string, tags: string[] = ["news"]) => ({
  kind: "blog" as const,
  title: `Title of ${slug}`,
  slug,
  excerpt: "An excerpt.",
  body: "# Hi\n\nBody.",
  tags,
});

async function editor() {
  const { user, token } = await signedInUser("ed@example.com");
  await db.user.update({ where: { id: user.id }, data: { isEditor: true } });
  return { user, token };
}

const publicSlugs = async () => (await listAllPublicPosts()).map((post) => post.slug);

describe("post workflow", () => {
  it("keeps a draft private, publishes it, unpublishes and archives it, auditing each step", async () => {
    const { user } = await editor();
    const post = await createPost(user.id, fields("hello"));
    expect(post.status).toBe("draft");
    expect(await findPublicPost("hello")).toBeNull();
    expect(await publicSlugs()).toEqual([]);

    const published = await publishPost(user.id, post.id, new Date("2030-01-01T00:00:00Z"));
    expect(published.status).toBe("published");
    expect(await findPublicPost("hello")).toBeNull(); // dated in the future
    expect((await listPublicPosts({ kind: "blog" })).items.map((p) => p.slug)).toEqual([]); // dated in the future

    await publishPost(user.id, post.id); // already published: keeps its first date
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).publishedAt).toEqual(
      new Date("2030-01-01T00:00:00Z"),
    );

    const now = await db.post.update({ where: { id: post.id }, data: { publishedAt: new Date() } });
    expect(now.status).toBe("published");
    expect(await publicSlugs()).toEqual(["hello"]);
    expect(await listPublicTags()).toEqual([{ tag: "news", updatedAt: expect.any(Date) }]);

    await unpublishPost(user.id, post.id);
    expect(await findPublicPost("hello")).toBeNull();
    await archivePost(user.id, post.id);
    expect(await publicSlugs()).toEqual([]);

    const actions = await db.auditLog.findMany({
      where: { targetType: "post", targetId: post.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "post.created",
      "post.published",
      "post.published",
      "post.unpublished",
      "post.archived",
    ]);
    expect(actions.every((a) => a.actorId === user.id)).toBe(true);
  });

  it("refuses a slug another post has, now or as an old slug, on the slug field", async () => {
    const { user } = await editor();
    const first = await createPost(user.id, fields("first"));
    await createPost(user.id, fields("second"));
    const taken = await createPost(user.id, fields("first")).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(DomainError);
    expect(taken).toMatchObject({ code: "CONFLICT", field: "slug" });
    await updatePost(user.id, { postId: first.id, ...fields("first-renamed") });
    // "first" is now first's old slug: nobody else may take it.
    await expect(createPost(user.id, fields("first"))).rejects.toMatchObject({ field: "slug" });
  });

  it("redirects an old slug to the current one, only while the post is public", async () => {
    const { user } = await editor();
    const post = await createPost(user.id, fields("old-name"));
    await updatePost(user.id, { postId: post.id, ...fields("new-name") });
    expect(await findPublicPost("old-name")).toBeNull(); // a draft: no redirect reveals it
    await publishPost(user.id, post.id);
    expect(await findPublicPost("old-name")).toEqual({ redirectTo: "new-name" });
    // Taking the old slug back drops its redirect.
    await updatePost(user.id, { postId: post.id, ...fields("old-name") });
    expect(await findPublicPost("old-name")).toMatchObject({ post: { slug: "old-name" } });
    expect(await findPublicPost("new-name")).toEqual({ redirectTo: "old-name" });
  });
});

describe("scheduling", () => {
  it("publishes a due post once, and never one unpublished or rescheduled later", async () => {
    const { user } = await editor();
    const t0 = new Date();
    const due = await createPost(user.id, fields("due"));
    const cancelled = await createPost(user.id, fields("cancelled"));
    const later = await createPost(user.id, fields("later"));
    const at = new Date(t0.getTime() + 60_000);
    await schedulePost(user.id, due.id, at, t0);
    await schedulePost(user.id, cancelled.id, at, t0);
    await schedulePost(user.id, later.id, at, t0);
    await unpublishPost(user.id, cancelled.id);
    await schedulePost(user.id, later.id, new Date(t0.getTime() + 3_600_000), t0);

    expect(await publicSlugs()).toEqual([]); // not due yet
    expect(await publishDuePosts(t0)).toEqual([]);

    const after = new Date(t0.getTime() + 61_000);
    expect(await publishDuePosts(after)).toEqual(["due"]);
    expect(await publishDuePosts(after)).toEqual([]); // a duplicate run changes nothing
    const rows = await db.post.findMany({ orderBy: { slug: "asc" } });
    expect(rows.map((r) => [r.slug, r.status])).toEqual([
      ["cancelled", "draft"],
      ["due", "published"],
      ["later", "scheduled"],
    ]);
    expect(rows.find((r) => r.slug === "due")!.publishedAt).toEqual(at);
    const byJob = await db.auditLog.findMany({ where: { action: "post.published" } });
    expect(byJob).toHaveLength(1);
    expect(byJob[0]).toMatchObject({ actorId: null, via: "schedule", targetId: due.id });
  });

  it("refuses a publish date that is not in the future, on publishAt", async () => {
    const { user } = await editor();
    const post = await createPost(user.id, fields("past"));
    await expect(schedulePost(user.id, post.id, new Date(Date.now() - 1000))).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        field: "publishAt",
      },
    );
  });
});

describe("post router", () => {
  it("serves editors and admins, and is a 404 to other signed-in users", async () => {
    const { token } = await editor();
    const { caller } = await callerWith(requestHeaders(token));
    const created = await caller.post.create(fields("via-router"));
    expect((await caller.post.list({})).items.map((p) => p.id)).toEqual([created.id]);
    const { html } = await caller.post.preview({ body: "<script>x</script>\n\n**b**" });
    expect(html).toBe("<p><strong>b</strong></p>");

    const other = await signedInUser("other@example.com");
    const { caller: stranger } = await callerWith(requestHeaders(other.token));
    const refused = await stranger.post.list({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("NOT_FOUND");
  });
});
