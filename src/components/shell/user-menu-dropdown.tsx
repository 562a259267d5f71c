"use client";
/**
 * The user menu's Radix dropdown: the user's name and email, account settings and the theme.
 * Loaded on first use by `UserMenu` (user-menu.tsx), so Radix's menu code is not in the pages'
 * first-load JavaScript.
 */
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { UserCog } from "lucide-react";
import Link from "next/link";
import { ThemeMenuRadioGroup } from "@/components/shell/theme-menu";
import {
  UserMenuFace,
  userMenuTriggerClass,
  type UserMenuProps,
} from "@/components/shell/user-menu-face";

const itemClass =
  "flex min-h-9 cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-hidden select-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";

export function UserMenuDropdown({ user, withTestId }: UserMenuProps) {
  // Mounted by a click on the placeholder trigger (user-menu.tsx): it opens at once.
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger className={userMenuTriggerClass}>
        <UserMenuFace user={user} withTestId={withTestId} />
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
