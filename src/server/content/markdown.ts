/**
 * Markdown → sanitized HTML, on the server only: the one renderer of posts, previews and legal
 * pages. Pipeline (unified): remark-parse + remark-gfm (tables, task lists, strikethrough,
 * autolinks) → remark-rehype (raw HTML in the source is dropped, never passed through) →
 * rehype-sanitize (GitHub's schema: no scripts, event handlers or `javascript:` URLs) →
 * rehype-slug + rehype-autolink-headings (ids and "#" anchors on headings) → Shiki (code
 * highlighted at render time with a small fixed language set, light and dark themes as CSS
 * variables) → HTML string.
 *
 * Sanitizing runs before the trusted steps that add ids, anchors and Shiki's inline styles, so
 * only what the author wrote is filtered and what we add is kept.
 */
import "server-only";
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { createHighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { unified } from "unified";

/** Languages highlighted; any other fence renders as plain text. Kept small: each costs startup. */
export const HIGHLIGHTED_LANGUAGES = ["ts", "tsx", "js", "json", "bash", "sql", "prisma"] as const;

/** The highlighter type the rehype plugin takes (HighlighterCore is the same object, typed narrower). */
type Highlighter = Parameters<typeof rehypeShikiFromHighlighter>[0];

let highlighter: Promise<Highlighter> | undefined;

/** One Shiki highlighter per process, with the fixed themes and languages (JS regex engine: no WASM). */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighterCore({
    themes: [import("@shikijs/themes/github-light"), import("@shikijs/themes/github-dark")],
    langs: [
      import("@shikijs/langs/typescript"),
      import("@shikijs/langs/tsx"),
      import("@shikijs/langs/javascript"),
      import("@shikijs/langs/json"),
      import("@shikijs/langs/bash"),
      import("@shikijs/langs/sql"),
      import("@shikijs/langs/prisma"),
    ],
    engine: createJavaScriptRegexEngine(),
  }) as Promise<Highlighter>;
  return highlighter;
}

/** GitHub's sanitize schema, keeping the `language-*` class of code blocks so Shiki sees the fence's language. */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w-]+$/]],
  },
};

/**
 * The sanitized HTML of a Markdown `source` (UTF-8 text of any length the caller allows).
 * Never throws on content: unknown fence languages render unhighlighted.
 */
export async function renderMarkdown(source: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSlug)
    .use(rehypeAutolinkHeadings, {
      behavior: "append",
      properties: { className: ["heading-anchor"], ariaHidden: "true", tabIndex: -1 },
      content: { type: "text", value: "#" },
    })
    .use(rehypeShikiFromHighlighter, await getHighlighter(), {
      themes: { light: "github-light", dark: "github-dark" },
      defaultColor: "light",
      fallbackLanguage: "text",
    })
    .use(rehypeStringify)
    .process(source);
  return String(file);
}
