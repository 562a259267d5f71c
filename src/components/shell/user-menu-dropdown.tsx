"use client";
/**
 * The user menu's Radix dropdown: the user's name and email, account settings, the admin console
 * (staff only) and the theme.
 * Loaded on first use by `UserMenu` (user-menu.tsx), so Radix's menu code is not in the pages'
 * first-load JavaScript.
 */
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ShieldCheck, UserCog } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { ThemeMenuRadioGroup } from "@/components/shell/theme-menu";
import {
  menuItemClass,
  UserMenuFace,
  userMenuTriggerClass,
  type UserMenuProps,
} from "@/components/shell/user-menu-face";

/**
 * Mounted, open, by the placeholder trigger's click or key (user-menu.tsx). Radix focuses its first
 * item only when its own trigger saw the key, so a keyboard opening does that here.
 */
export function UserMenuDropdown({ user, withTestId, openedByKeyboard }: UserMenuProps) {
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!openedByKeyboard) return;
    const frame = requestAnimationFrame(() =>
      content.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [openedByKeyboard]);
  return (
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger className={userMenuTriggerClass}>
        <UserMenuFace user={user} withTestId={withTestId} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={content}
          side="top"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-(--radix-dropdown-menu-trigger-width) min-w-56 rounded-lg border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <DropdownMenu.Label className="px-2 py-1.5">
            <span className="block truncate text-sm font-medium" title={user.name}>
              {user.name}
            </span>
            <span
              className="block truncate text-xs text-zinc-600 dark:text-zinc-400"
              title={user.email}
            >
              {user.email}
            </span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item asChild className={menuItemClass}>
            <Link href="/settings">
              <UserCog aria-hidden="true" className="size-4 text-zinc-500 dark:text-zinc-400" />
              Account settings
            </Link>
          </DropdownMenu.Item>
          {user.isAdmin && (
            <DropdownMenu.Item asChild className={menuItemClass}>
              <Link href="/admin">
                <ShieldCheck
                  aria-hidden="true"
                  className="size-4 text-zinc-500 dark:text-zinc-400"
                />
                Admin console
              </Link>
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <ThemeMenuRadioGroup />
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
