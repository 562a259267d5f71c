"use client";
/**
 * The post editor (/admin/posts/new, /admin/posts/<id>): the fields, a live preview rendered by
 * the server's Markdown renderer (`post.preview`, debounced 400 ms: the very HTML the public
 * page shows), and the workflow actions: save (a new post is saved as a draft), publish now,
 * schedule (date-time picker, local time), unpublish, archive. Field errors from the server
 * (e.g. a slug already taken) land under their fields; every outcome is a toast.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { toast } from "sonner";
import { PostStatusBadge } from "@/components/admin/post-status";
import { PostBody } from "@/components/content/post-body";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { SelectField } from "@/components/ui/select";
import type { PostKind, PostStatus } from "@/schemas/constants";
import { POST_BODY_MAX } from "@/schemas/post";
import { useTRPC } from "@/trpc/client";
import { isTRPCClientError } from "@trpc/client";

export interface EditablePost {
  id: string;
  kind: PostKind;
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  coverImageUrl: string | null;
  tags: string[];
  status: PostStatus;
  publishAt: Date | null;
  slugRedirects: { slug: string }[];
}

type Fields = {
  kind: PostKind;
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  coverImageUrl: string;
  tags: string;
};
type FieldErrors = Partial<Record<keyof Fields | "publishAt", string>>;

const EMPTY: Fields = {
  kind: "blog",
  title: "",
  slug: "",
  excerpt: "",
  body: "",
  coverImageUrl: "",
  tags: "",
};

/** "Launch week 2027!" → "launch-week-2027". */
const slugify = (title: string) =>
  title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);

/** Field errors of a tRPC error (zod's or a DomainError's field). */
function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isTRPCClientError(error)) return {};
  const data = error.data as
    { zodError?: { fieldErrors?: Record<string, string[]> } | null } | undefined;
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) out[field.split(".")[0] as keyof FieldErrors] = messages[0];
  }
  return out;
}

/** A Date as the value of a datetime-local input (local time, minutes). */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The value debounced by `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function PostEditor({ post }: { post?: EditablePost }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const bodyId = useId();
  const [fields, setFields] = useState<Fields>(
    post ? { ...post, coverImageUrl: post.coverImageUrl ?? "", tags: post.tags.join(", ") } : EMPTY,
  );
  const [slugTouched, setSlugTouched] = useState(Boolean(post));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [publishAt, setPublishAt] = useState(() =>
    toLocalInput(post?.publishAt ?? new Date(Date.now() + 86_400_000)),
  );

  const previewBody = useDebounced(fields.body, 400);
  const preview = useQuery(
    trpc.post.preview.queryOptions({ body: previewBody }, { placeholderData: keepPreviousData }),
  );

  const input = () => ({
    kind: fields.kind,
    title: fields.title,
    slug: fields.slug,
    excerpt: fields.excerpt,
    body: fields.body,
    coverImageUrl: fields.coverImageUrl.trim() || null,
    tags: fields.tags
      .split(",")
      .map((tag) => tag.trim().toLowerCase())
      .filter(Boolean),
  });

  const onError = (error: unknown) => {
    const found = fieldErrorsOf(error);
    setErrors(found);
    const message = errorMessage(error);
    setFormError(Object.keys(found).length > 0 ? null : message);
    toast.error(message);
  };
  const done = async (message: string) => {
    setErrors({});
    setFormError(null);
    toast.success(message);
    await queryClient.invalidateQueries({ queryKey: trpc.post.pathKey() });
    router.refresh();
  };

  const create = useMutation(
    trpc.post.create.mutationOptions({
      onSuccess: async (created) => {
        await done("Draft saved.");
        router.push(`/admin/posts/${created.id}` as Route);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.post.update.mutationOptions({ onSuccess: () => done("Changes saved."), onError }),
  );
  const publish = useMutation(
    trpc.post.publish.mutationOptions({ onSuccess: () => done("Published."), onError }),
  );
  const schedule = useMutation(
    trpc.post.schedule.mutationOptions({ onSuccess: () => done("Scheduled."), onError }),
  );
  const unpublish = useMutation(
    trpc.post.unpublish.mutationOptions({
      onSuccess: () => done("Unpublished: back to draft."),
      onError,
    }),
  );
  const archive = useMutation(
    trpc.post.archive.mutationOptions({ onSuccess: () => done("Archived."), onError }),
  );
  const busy = [create, update, publish, schedule, unpublish, archive].some((m) => m.isPending);

  const save = () =>
    post ? update.mutateAsync({ postId: post.id, ...input() }) : create.mutateAsync(input());
  const set = (key: keyof Fields) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setFields((f) => ({
      ...f,
      [key]: value,
      ...(key === "title" && !slugTouched ? { slug: slugify(value) } : {}),
    }));
  };

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form
        className="space-y-5"
        aria-label={post ? "Edit post" : "New post"}
        onSubmit={(event) => {
          event.preventDefault();
          void save().catch(() => undefined);
        }}
      >
        {post && (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>Status:</span>
            <PostStatusBadge status={post.status} publishAt={post.publishAt} />
            <Link
              href={`/admin/posts/${post.id}/preview` as Route}
              className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
            >
              Open preview
            </Link>
            {post.status === "published" && (
              <a
                href={`/blog/${post.slug}`}
                className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
              >
                View on the site
              </a>
            )}
          </div>
        )}
        {formError && <Alert>{formError}</Alert>}
        <SelectField label="Kind" value={fields.kind} onChange={set("kind")} error={errors.kind}>
          <option value="blog">Blog post</option>
          <option value="changelog">Changelog entry</option>
        </SelectField>
        <TextField
          label="Title"
          value={fields.title}
          onChange={set("title")}
          maxLength={200}
          required
          error={errors.title}
        />
        <TextField
          label="Slug"
          value={fields.slug}
          onChange={(event) => {
            setSlugTouched(true);
            set("slug")(event);
          }}
          maxLength={100}
          required
          error={errors.slug}
          hint={
            post && post.slugRedirects.length > 0
              ? `Old slugs redirect here: ${post.slugRedirects.map((r) => r.slug).join(", ")}`
              : "The address: /blog/<slug>. Changing it later keeps the old one as a redirect."
          }
        />
        <TextField
          label="Excerpt"
          value={fields.excerpt}
          onChange={set("excerpt")}
          maxLength={300}
          required
          error={errors.excerpt}
          hint="One or two sentences: lists, feed and search results show it."
        />
        <TextField
          label="Tags"
          value={fields.tags}
          onChange={set("tags")}
          error={errors.tags}
          hint="Comma-separated, e.g. release, how-to."
        />
        <TextField
          label="Cover image URL (optional)"
          value={fields.coverImageUrl}
          onChange={set("coverImageUrl")}
          error={errors.coverImageUrl}
        />
        <div className="space-y-1.5">
          <Label htmlFor={bodyId}>Body (Markdown)</Label>
          <textarea
            id={bodyId}
            value={fields.body}
            onChange={set("body")}
            maxLength={POST_BODY_MAX}
            rows={18}
            aria-invalid={errors.body ? true : undefined}
            className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          />
          {errors.body && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {errors.body}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            type="submit"
            pending={create.isPending || update.isPending}
            pendingText="Saving…"
            disabled={busy}
          >
            {post ? "Save changes" : "Save draft"}
          </Button>
          {post && post.status !== "published" && (
            <Button
              variant="secondary"
              pending={publish.isPending}
              pendingText="Publishing…"
              disabled={busy}
              onClick={() =>
                void save()
                  .then(() => publish.mutateAsync({ postId: post.id }))
                  .catch(() => undefined)
              }
            >
              Publish now
            </Button>
          )}
          {post && (post.status === "published" || post.status === "scheduled") && (
            <Button
              variant="secondary"
              pending={unpublish.isPending}
              pendingText="Unpublishing…"
              disabled={busy}
              onClick={() => unpublish.mutate({ postId: post.id })}
            >
              Unpublish
            </Button>
          )}
          {post && post.status !== "archived" && (
            <Button
              variant="ghost"
              pending={archive.isPending}
              pendingText="Archiving…"
              disabled={busy}
              onClick={() => archive.mutate({ postId: post.id })}
            >
              Archive
            </Button>
          )}
        </div>
        {post && post.status !== "published" && (
          <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <legend className="px-1 text-sm font-medium">Schedule</legend>
            <div className="flex flex-wrap items-end gap-3">
              <TextField
                label="Publish at (your local time)"
                type="datetime-local"
                step={1}
                value={publishAt}
                onChange={(event) => setPublishAt(event.target.value)}
                error={errors.publishAt}
              />
              <Button
                variant="secondary"
                pending={schedule.isPending}
                pendingText="Scheduling…"
                disabled={busy || !publishAt}
                onClick={() =>
                  void save()
                    .then(() =>
                      schedule.mutateAsync({ postId: post.id, publishAt: new Date(publishAt) }),
                    )
                    .catch(() => undefined)
                }
              >
                Schedule
              </Button>
            </div>
          </fieldset>
        )}
      </form>
      <section aria-label="Preview" className="min-w-0 space-y-3">
        <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
          Live preview {preview.isFetching ? "(updating…)" : ""}
        </h2>
        <div className="rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
          {preview.isError ? (
            <Alert>{errorMessage(preview.error)}</Alert>
          ) : fields.body.trim() === "" ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Write some Markdown to see it here.
            </p>
          ) : (
            <PostBody html={preview.data?.html ?? ""} />
          )}
        </div>
      </section>
    </div>
  );
}
