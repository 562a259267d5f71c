/**
 * Sanitized HTML from the server's Markdown renderer (src/server/content/markdown.ts), styled.
 * Only ever given `renderMarkdown`'s output: that is what makes `dangerouslySetInnerHTML` safe.
 */
import "./post-body.css";

export function PostBody({ html, className = "" }: { html: string; className?: string }) {
  return <div className={`post-body ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
