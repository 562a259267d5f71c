import Link from "next/link";
import type { ReactNode } from "react";
import { BrandName } from "@/components/brand-name";
import { SiteFooter } from "@/components/marketing/site-footer";
import { BRAND_TAGLINE, getBrand } from "@/server/brand";
import { AccountLinks } from "./account-links";

// Rendered per request: these pages show what the database holds now (the build has no database).
export const dynamic = "force-dynamic";

export default function MarketingLayout({ children }: { children: ReactNode }) {
  const brand = getBrand();
  return (
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
  );
}
