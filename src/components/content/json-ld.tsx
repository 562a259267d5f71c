/**
 * A JSON-LD block (schema.org, typed with schema-dts). `<` is escaped as `\u003c`, so no string
 * in the data can close the script element (Next's JSON-LD guide).
 */
import type { Thing, WithContext } from "schema-dts";

export function JsonLd<T extends Thing>({ data }: { data: WithContext<T> }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
