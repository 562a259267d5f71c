import type { ReactNode } from "react";
import { DynamicPageRoot } from "@/components/page-root";

/** Development pages (the outbox): rendered per request, under the nonce CSP. */
export default function DevLayout({ children }: { children: ReactNode }) {
  return <DynamicPageRoot>{children}</DynamicPageRoot>;
}
