"use client";
/**
 * The signed-in user's menu (a Radix dropdown): the trigger shows the user's name; the menu holds
 * the email, a link to the account settings and the theme choice. Signing out is a visible button
 * next to it (`SidebarFooter`), reachable without opening the menu.
 */
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronsUpDown, UserCog } from "lucide-react";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ThemeMenuRadioGroup } from "@/components/theme-toggle";

export type ShellUser = { name: string; email: string };

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts.at(-1)![0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}

const itemClass =
  "flex min-h-9 cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-hidden select-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";

export function UserMenu({ user, withTestId = true }: { user: ShellUser; withTestId?: boolean }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex min-h-11 w-full min-w-0 items-center gap-3 rounded-md px-2 py-1.5 text-left hover:bg-zinc-200/50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 data-[state=open]:bg-zinc-200/50 dark:hover:bg-zinc-800/60 dark:data-[state=open]:bg-zinc-800/60">
        <span
          aria-hidden="true"
          className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white dark:bg-indigo-500"
        >
          {initials(user.name)}
        </span>
        <span
          className="min-w-0 flex-1 truncate text-sm font-medium"
          data-testid={withTestId ? "current-user" : undefined}
        >
          {user.name}
        </span>
        <span className="sr-only">, account menu</span>
        <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-zinc-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          side="top"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-(--radix-dropdown-menu-trigger-width) min-w-56 rounded-lg border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <DropdownMenu.Label className="px-2 py-1.5">
            <span className="block truncate text-sm font-medium">{user.name}</span>
            <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">
              {user.email}
            </span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/settings">
              <UserCog aria-hidden="true" className="size-4 text-zinc-500 dark:text-zinc-400" />
              Account settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <ThemeMenuRadioGroup />
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** The sidebar's bottom: the user menu and a visible "Sign out" button. */
export function SidebarFooter({
  user,
  withTestId = true,
}: {
  user: ShellUser;
  withTestId?: boolean;
}) {
  return (
    <div className="space-y-2 border-t border-zinc-200 p-3 dark:border-zinc-800">
      <UserMenu user={user} withTestId={withTestId} />
      <div className="[&>button]:w-full">
        <SignOutButton />
      </div>
    </div>
  );
}
