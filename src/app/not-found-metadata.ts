import type { Metadata } from "next";

/**
 * What the 404 page says in the tab ("Page not found · <brand>" through the root title template)
 * and to crawlers; also what the admin console's pages give non-staff, who must not tell them
 * from any unknown URL (src/app/admin/server.ts).
 */
export const NOT_FOUND_METADATA: Metadata = { title: "Page not found", robots: { index: false } };
