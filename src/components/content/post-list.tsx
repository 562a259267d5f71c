/**
 * The public lists of posts (/blog, /blog/tags/<tag>, /changelog): cards with title, date,
 * author, excerpt and tags; an empty state; and path-segment pagination (/blog/page/2), so the
 * pages stay cacheable (no search params).
 */
import type { Route } from "next";
import Link from "next/link";

export interface PostSummary {
  id: string;
  title: string;
  slug: string;
  excerpt: string;
  tags: string[];
  date: Date;
  authorName: string | null;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** "June 5, 2027" (UTC) inside a `<time>`. */
export function PostDate({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{dateFormat.format(date)}</time>;
}

const tagClass =
  "inline-flex items-center rounded-full bg-zinc-100 px-2.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

/**
 * A tag: a link to its page for blog posts; plain for changelog entries, whose tags have no
 * pages (/blog/tags/<tag> lists blog posts).
 */
export function TagLink({ tag, linked = true }: { tag: string; linked?: boolean }) {
  if (!linked) return <span className={tagClass}>#{tag}</span>;
  return (
    <Link
      href={`/blog/tags/${tag}` as Route}
      className={`${tagClass} hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-700`}
    >
      #{tag}
    </Link>
  );
}

/** `tagPages`: whether the posts' tags link to tag pages (blog posts' do). */
export function PostList({
  posts,
  empty,
  tagPages,
}: {
  posts: PostSummary[];
  empty: string;
  tagPages: boolean;
}) {
  if (posts.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        {empty}
      </p>
    );
  }
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {posts.map((post) => (
        <li key={post.id} className="py-6 first:pt-0">
          <article className="space-y-2">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              <PostDate date={post.date} />
              {post.authorName ? ` · ${post.authorName}` : ""}
            </p>
            <h2 className="text-xl font-semibold tracking-tight">
              <Link
                href={`/blog/${post.slug}` as Route}
                className="hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:text-indigo-400"
              >
                {post.title}
              </Link>
            </h2>
            <p className="text-zinc-700 dark:text-zinc-300">{post.excerpt}</p>
            {post.tags.length > 0 && (
              <ul className="flex flex-wrap gap-2" aria-label="Tags">
                {post.tags.map((tag) => (
                  <li key={tag}>
                    <TagLink tag={tag} linked={tagPages} />
                  </li>
                ))}
              </ul>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}

/** Newer/older links between numbered pages: page 1 is `base`, page n is `${base}/page/n`. */
export function PageLinks({
  base,
  page,
  pageCount,
}: {
  base: string;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const href = (n: number) => (n === 1 ? base : `${base}/page/${n}`) as Route;
  const linkClass =
    "rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:hover:bg-zinc-900";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 pt-8">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-zinc-600 dark:text-zinc-400">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
