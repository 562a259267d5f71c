/**
 * The public pages' footer: the brand and its tagline, then product, company and legal links.
 * A server component (plain links, no client JavaScript). Blog, changelog and the legal pages are
 * the public site's content pages (issue 16).
 */
import type { Route } from "next";
import Link from "next/link";
import { BrandName } from "@/components/brand-name";

const COLUMNS: readonly { heading: string; links: readonly { label: string; href: Route }[] }[] = [
  {
    heading: "Product",
    links: [
      { label: "Features", href: "/#features" as Route },
      { label: "Pricing", href: "/pricing" },
      { label: "Blog", href: "/blog" as Route },
      { label: "Changelog", href: "/changelog" as Route },
    ],
  },
  {
    heading: "Company",
    links: [
      { label: "FAQ", href: "/#faq" as Route },
      { label: "Sign in", href: "/sign-in" },
      { label: "Create an account", href: "/sign-up" },
    ],
  },
  {
    heading: "Legal",
    links: [
      { label: "Terms of service", href: "/terms" as Route },
      { label: "Privacy policy", href: "/privacy" as Route },
    ],
  },
];

const linkClass =
  "rounded-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:text-zinc-100";

const brandClass =
  "inline-block rounded-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** `brand`: the runtime brand (src/server/brand.ts); `tagline`: one sentence under it. */
export function SiteFooter({
  brand,
  tagline,
}: {
  brand: { name: string; logoUrl: string | null };
  tagline: string;
}) {
  return (
    <footer className="border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto grid max-w-6xl grid-cols-2 gap-10 px-4 py-12 sm:px-6 lg:grid-cols-4">
        <div className="col-span-2 space-y-3 lg:col-span-1">
          <Link href="/" className={brandClass}>
            <BrandName {...brand} />
          </Link>
          <p className="max-w-xs text-sm text-zinc-600 dark:text-zinc-400">{tagline}</p>
        </div>
        {COLUMNS.map((column) => (
          <nav key={column.heading} aria-labelledby={`footer-${column.heading}`}>
            <h2 id={`footer-${column.heading}`} className="text-sm font-semibold">
              {column.heading}
            </h2>
            <ul className="mt-3 space-y-2 text-sm">
              {column.links.map((link) => (
                <li key={link.label}>
                  {/* Not prefetched: a footer in view would fetch every page it links. */}
                  <Link href={link.href} prefetch={false} className={linkClass}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <p className="border-t border-zinc-200 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        © {brand.name}. Built with Next.js, tRPC and Prisma.
      </p>
    </footer>
  );
}
