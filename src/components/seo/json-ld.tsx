/**
 * Structured data for search engines: one `<script type="application/ld+json">` holding `data`
 * (a schema.org thing with its "@context", or a "@graph" of them; builders in
 * src/server/seo/structured-data.ts). A data block, not a script: browsers never run it, so the
 * CSP needs no nonce or hash for it. Every "<" is written as \u003c, so no value (a plan's or a
 * post's title) can close the tag early.
 */
import type { Graph, Thing, WithContext } from "schema-dts";

/** The JSON text of `data`, safe inside a `<script>` element. */
export function jsonLdText(data: WithContext<Thing> | Graph): string {
  return JSON.stringify(data).replaceAll("<", "\\u003c");
}

export function JsonLd({ data }: { data: WithContext<Thing> | Graph }) {
  return (
    <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
  );
}
