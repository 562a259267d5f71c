import Link from "next/link";
import type { ReactNode } from "react";
import { BrandName } from "@/components/brand-name";
import { AccountLinks } from "@/components/marketing/account-links";
import { SiteFooter } from "@/components/marketing/site-footer";
import { StaticPageRoot } from "@/components/page-root";
import { BRAND_TAGLINE, getBrand } from "@/server/brand";

// Served from cache (src/server/http/public-pages.ts). "force-static" rather than "error": the
// root not-found page, which reads the session, is rendered into every page's payload, and here
// sees no cookies (it is rendered per request, with the session, for an unknown URL). Anything
// else under here must not read the request: it would see an empty one.
export const dynamic = "force-static";
// Regenerated in the background at most hourly (seconds; picks up a changed brand or APP_URL).
export const revalidate = 3600;

export default function MarketingLayout({ children }: { children: ReactNode }) {
  const brand = getBrand();
  return (
    <StaticPageRoot>
      <div className="flex min-h-dvh flex-col">
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-4 sm:px-6"
          >
            <Link href="/" className="text-lg font-semibold tracking-tight">
              <BrandName {...brand} />
            </Link>
            <div className="flex items-center gap-1 sm:gap-2">
              <Link
                href="/pricing"
                className="rounded-md px-3 py-2 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-900"
              >
                Pricing
              </Link>
              <AccountLinks />
            </div>
          </nav>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-12 sm:px-6">{children}</main>
        <SiteFooter brand={brand} tagline={BRAND_TAGLINE} />
      </div>
    </StaticPageRoot>
  );
}
