/**
 * The signed-in app's frame. From md up: a sticky left sidebar with the brand, the workspace
 * switcher, the navs ("App", and "Workspace" on a workspace page) and, at the bottom, the user
 * menu and "Sign out". Below md the same element is a sticky top bar (brand, switcher, "Open
 * menu") and the navs live in a drawer (`MobileNav`). The brand and the switcher are rendered
 * once for both layouts (the switcher carries a test id); the desktop-only parts are CSS-hidden on
 * phones, and the drawer's copy only exists while it is open.
 */
import type { ReactNode } from "react";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { IntentLink } from "@/components/ui/intent-link";
import { SidebarFooter, type ShellUser } from "@/components/shell/user-menu";

export const brandClass =
  "inline-flex shrink-0 items-center gap-2 rounded-md text-lg font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** The brand's logo (`logoUrl`, a path on this site), or a plain colour mark when it has none. */
export function BrandMark({ logoUrl }: { logoUrl: string | null }) {
  if (logoUrl) {
    // A small same-origin file of any format (svg included): next/image would add nothing.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={logoUrl} alt="" className="size-6 rounded-md object-contain" />;
  }
  return (
    <span
      aria-hidden="true"
      className="inline-block size-6 rounded-md bg-linear-to-br from-indigo-500 to-indigo-700"
    />
  );
}

/** The brand as this server runs it (src/server/brand.ts), passed down from the layouts. */
export interface BrandProps {
  readonly name: string;
  readonly logoUrl: string | null;
}

export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-zinc-900 dark:text-indigo-300"
    >
      Skip to content
    </a>
  );
}

export function AppShell({
  brand,
  user,
  switcher,
  children,
}: {
  brand: BrandProps;
  user: ShellUser;
  /** The workspace switcher (with its hydration boundary), rendered by the server layout. */
  switcher: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <SkipLink />
      <header className="sticky top-0 z-30 flex items-center gap-2 border-b border-zinc-200 bg-white px-4 py-2 md:h-dvh md:w-64 md:shrink-0 md:flex-col md:items-stretch md:gap-0 md:border-r md:border-b-0 md:bg-zinc-50 md:p-0 dark:border-zinc-800 dark:bg-zinc-950 md:dark:bg-zinc-900/40">
        <div className="flex min-w-0 flex-1 items-center gap-2 sm:gap-4 md:flex-none md:flex-col md:items-stretch md:gap-3 md:px-3 md:pt-4 md:pb-3">
          <IntentLink href="/dashboard" className={`${brandClass} md:self-start md:px-2`}>
            <BrandMark logoUrl={brand.logoUrl} />
            {brand.name}
          </IntentLink>
          {/* In the sidebar the switcher's button spans its width. */}
          <div className="min-w-0 md:[&>div>button]:w-full md:[&>div>button]:max-w-none md:[&>div>button]:justify-between">
            {switcher}
          </div>
        </div>
        <MobileNav user={user} />
        <div className="hidden md:flex md:min-h-0 md:flex-1 md:flex-col">
          <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
            <SidebarNav />
          </div>
          <SidebarFooter user={user} />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl min-w-0 flex-1 px-4 py-8 outline-none sm:px-6 sm:py-12 md:px-8"
      >
        {children}
      </main>
    </div>
  );
}
