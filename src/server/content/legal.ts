/**
 * The legal pages' Markdown (content/legal/<name>.md, edited by the team in the repository),
 * rendered with the posts' renderer. Read at build time: the pages are static.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { renderMarkdown } from "@/server/content/markdown";

/** The legal documents, by URL path segment. */
export const legalDocuments = {
  terms: {
    title: "Terms of Service",
    description: "The terms that govern your use of the service.",
  },
  privacy: { title: "Privacy Policy", description: "What we collect, why, and your choices." },
} as const;
export type LegalDocument = keyof typeof legalDocuments;

/** The sanitized HTML of content/legal/<name>.md. @throws when the file is missing. */
export async function renderLegal(name: LegalDocument): Promise<string> {
  const source = await readFile(path.join(process.cwd(), "content/legal", `${name}.md`), "utf8");
  return renderMarkdown(source);
}
