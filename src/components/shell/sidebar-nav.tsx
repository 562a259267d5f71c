"use client";
/**
 * The sidebar's navigation: the app's own pages ("App": Dashboard, Account) and, on a
 * `/w/<slug>/…` page, that workspace's pages ("Workspace": Overview, Projects, Activity, Members,
 * Billing, Workspace settings) when the user is a member of it (`workspace.list`, prefetched by
 * the app layout): a page of a workspace they cannot see offers none of its links. The two
 * settings pages have distinct names, so a person (and a screen reader's links list) can tell
 * them apart. The current page is marked `aria-current="page"`. Links prefetch on intent
 * (src/components/ui/intent-link.tsx), not on sight.
 */
import {
  Activity,
  Box,
  CreditCard,
  FolderKanban,
  House,
  LayoutDashboard,
  Settings,
  UserCog,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { Route } from "next";
import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { slugFromPathname } from "@/components/workspace/workspace-switcher";
import { IntentLink } from "@/components/ui/intent-link";
import { useTRPC } from "@/trpc/client";

/** A link of the nav; without `icon`, a generic box (generated resources start that way). */
type NavItem = { href: string; label: string; icon?: LucideIcon; exact?: boolean };

function isActive(pathname: string, { href, exact }: NavItem): boolean {
  return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/** `/w/<slug>` as it appears in the URL (not decoded), or undefined off a workspace page. */
function workspaceBase(pathname: string): string | undefined {
  if (slugFromPathname(pathname) === undefined) return undefined;
  return /^\/w\/[^/]+/.exec(pathname)?.[0];
}

export function workspaceItems(base: string): NavItem[] {
  return [
    { href: base, label: "Overview", icon: LayoutDashboard, exact: true },
    { href: `${base}/projects`, label: "Projects", icon: FolderKanban },
    // gen:resource sidebar
    { href: `${base}/activity`, label: "Activity", icon: Activity },
    { href: `${base}/members`, label: "Members", icon: Users },
    { href: `${base}/billing`, label: "Billing", icon: CreditCard },
    { href: `${base}/settings`, label: "Workspace settings", icon: Settings },
  ];
}

const appItems: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: House },
  { href: "/settings", label: "Account", icon: UserCog },
];

function NavList({
  items,
  pathname,
  onNavigate,
}: {
  items: NavItem[];
  pathname: string;
  onNavigate?: () => void;
}) {
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const active = isActive(pathname, item);
        const Icon = item.icon ?? Box;
        return (
          <li key={item.href}>
            <IntentLink
              href={item.href as Route}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={`flex min-h-9 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 ${
                active
                  ? "bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50"
                  : "text-zinc-700 hover:bg-zinc-200/50 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-50"
              }`}
            >
              <Icon
                aria-hidden="true"
                className={`size-4 shrink-0 ${
                  active
                    ? "text-indigo-600 dark:text-indigo-400"
                    : "text-zinc-500 dark:text-zinc-400"
                }`}
              />
              <span className="truncate">{item.label}</span>
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}

/** Both navs; `onNavigate` runs when a link is followed (the mobile drawer closes). */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const trpc = useTRPC();
  const { data: workspaces } = useQuery(trpc.workspace.list.queryOptions());
  const slug = slugFromPathname(pathname);
  const isMember = workspaces?.some((workspace) => workspace.slug === slug) ?? false;
  const base = isMember ? workspaceBase(pathname) : undefined;
  return (
    <div className="space-y-6">
      <nav aria-label="App">
        <NavList items={appItems} pathname={pathname} onNavigate={onNavigate} />
      </nav>
      {base && (
        <nav aria-label="Workspace">
          <p
            aria-hidden="true"
            className="px-3 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
          >
            Workspace
          </p>
          <NavList items={workspaceItems(base)} pathname={pathname} onNavigate={onNavigate} />
        </nav>
      )}
    </div>
  );
}
