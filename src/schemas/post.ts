/**
 * Inputs of the `post` procedures (the blog and changelog editor, /admin/posts; editors and
 * admins only). Every error names its field and the rule.
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { postKinds, postStatuses } from "@/schemas/constants";
import { infiniteDirection } from "@/schemas/workspace";

export { postKinds, postStatuses, type PostKind, type PostStatus } from "@/schemas/constants";

/** Longest Markdown body accepted, in characters. */
export const POST_BODY_MAX = 100_000;
/** Most tags on one post. */
export const POST_TAGS_MAX = 8;

/** A URL path segment: lower-case letters, digits and single hyphens ("launch-week-2027"). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `${label} is required.` })
    .check(
      z.trim(),
      z.minLength(min, `${label} is required.`),
      z.maxLength(max, `${label} is at most ${max} characters.`),
    );

const slug = z
  .string({ error: "Slug is required." })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, "Slug is required."),
    z.maxLength(100, "Slug is at most 100 characters."),
    z.regex(SLUG_PATTERN, "Slug may hold only lower-case letters, digits and single hyphens."),
  );

const tag = z
  .string({ error: "Each tag must be text." })
  .check(
    z.trim(),
    z.toLowerCase(),
    z.maxLength(40, "Each tag is at most 40 characters."),
    z.regex(SLUG_PATTERN, "Tags may hold only lower-case letters, digits and single hyphens."),
  );

const postId = z
  .string({ error: "Post is required." })
  .check(z.minLength(1, "Post is required."), z.maxLength(64, "Post is at most 64 characters."));

/** A post's editable fields (create and update). */
export const postFieldsInput = z.strictObject({
  kind: z.enum(postKinds, { error: "Kind must be blog or changelog." }),
  title: text("Title", 200),
  slug,
  excerpt: text("Excerpt", 300),
  body: z
    .string({ error: "Body is required." })
    .check(z.maxLength(POST_BODY_MAX, `Body is at most ${POST_BODY_MAX} characters.`)),
  coverImageUrl: z.nullish(
    z.string({ error: "Cover image must be a URL." }).check(
      z.trim(),
      z.maxLength(2000, "Cover image URL is at most 2000 characters."),
      z.refine(
        (value) => /^https:\/\//.test(value) || value.startsWith("/"),
        "Cover image must be an https:// URL or a path on this site.",
      ),
    ),
  ),
  tags: z._default(
    z.array(tag).check(z.maxLength(POST_TAGS_MAX, `At most ${POST_TAGS_MAX} tags.`)),
    [],
  ),
});
export type PostFieldsInput = z.input<typeof postFieldsInput>;

export const postIdInput = z.strictObject({ postId });

/** Update: the post and all its editable fields. */
export const postUpdateInput = z.extend(postFieldsInput, { postId });
export type PostUpdateInput = z.input<typeof postUpdateInput>;

/** Schedule: goes public at `publishAt` (must be in the future). */
export const postScheduleInput = z.strictObject({
  postId,
  publishAt: z.date({ error: "Publish date must be a date." }),
});

/** The editor's list: filters and a page (cursor of the previous page's `nextCursor`). */
export const postListInput = z.strictObject({
  kind: z.optional(z.enum(postKinds, { error: "Kind must be blog or changelog." })),
  status: z.optional(z.enum(postStatuses, { error: "Status is not a post status." })),
  q: z.optional(z.string().check(z.trim(), z.maxLength(100, "Search is at most 100 characters."))),
  cursor: z.nullish(z.string().check(z.maxLength(300, "Cursor is at most 300 characters."))),
  /** Set by useInfiniteQuery; lists only page forward. */
  direction: infiniteDirection,
  limit: z._default(
    z
      .number({ error: "Limit must be a number." })
      .check(
        z.int("Limit must be a whole number."),
        z.gte(1, "Limit is at least 1."),
        z.lte(100, "Limit is at most 100."),
      ),
    20,
  ),
});
export type PostListInput = z.input<typeof postListInput>;

/** The live preview: a Markdown body rendered by the server's renderer. */
export const postPreviewInput = z.strictObject({
  body: z
    .string({ error: "Body is required." })
    .check(z.maxLength(POST_BODY_MAX, `Body is at most ${POST_BODY_MAX} characters.`)),
});
