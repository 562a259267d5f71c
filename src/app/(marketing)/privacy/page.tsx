import type { Metadata } from "next";
import { PostBody } from "@/components/content/post-body";
import { legalDocuments, renderLegal } from "@/server/content/legal";
import { publicPageMetadata } from "../metadata";

/** Static: rebuilt with the app when content/legal/privacy.md changes. */
export const dynamic = "force-static";

const document = legalDocuments.privacy;

export const metadata: Metadata = publicPageMetadata({ path: "/privacy", ...document });

export default async function LegalPage() {
  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-4xl font-bold tracking-tight">{document.title}</h1>
      <PostBody html={await renderLegal("privacy")} />
    </article>
  );
}
