/** The Markdown renderer: sanitizing (XSS attempts), heading anchors, GFM and code highlighting. */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/server/content/markdown";

describe("renderMarkdown", () => {
  it("drops raw HTML: script tags and event-handler attributes never reach the output", async () => {
    const html = await renderMarkdown(
      'Hi <script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n<div onclick="x()">d</div>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).toContain("<p>Hi");
  });

  it("drops javascript: and data: links but keeps https ones", async () => {
    const html = await renderMarkdown(
      "[a](javascript:alert(1)) [b](data:text/html,<script>x</script>) [c](https://example.com)",
    );
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain('href="https://example.com"');
  });

  it("gives headings ids and an anchor link to themselves", async () => {
    const html = await renderMarkdown("## Getting started\n\ntext");
    expect(html).toMatch(/<h2 id="getting-started">Getting started<a [^>]*href="#getting-started"/);
  });

  it("highlights fenced code of a known language on the server, and keeps unknown ones as text", async () => {
    const html = await renderMarkdown(
      "```ts\nconst answer: number = 42;\n```\n\n```cobol\nDISPLAY 'X'.\n```",
    );
    expect(html).toContain('<pre class="shiki');
    expect(html).toMatch(
      /<span style="color:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}">const<\/span>/i,
    );
    expect(html).toContain("DISPLAY");
  });

  it("renders GFM tables and strikethrough", async () => {
    const html = await renderMarkdown("| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~");
    expect(html).toContain("<table>");
    expect(html).toContain("<del>old</del>");
  });
});
