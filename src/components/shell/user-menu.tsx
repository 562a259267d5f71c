"use client";
/**
 * The signed-in user's menu: the trigger shows the user's name; the menu (a Radix dropdown,
 * user-menu-dropdown.tsx) holds the email, a link to the account settings and the theme choice.
 * The dropdown's code loads when the pointer or focus reaches the trigger and the menu opens on
 * click, Enter, Space or ArrowDown, as Radix's would: no page pays for it in its first load.
 * Signing out is a visible button next to it (`SidebarFooter`), reachable without the menu.
 */
import { useState, type ComponentType, type KeyboardEvent } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { reloadOnChunkError } from "@/components/lazy";
import {
  UserMenuFace,
  userMenuTriggerClass,
  type ShellUser,
  type UserMenuProps,
} from "@/components/shell/user-menu-face";

export type { ShellUser };

const loadDropdown = () => import("@/components/shell/user-menu-dropdown");
const OPEN_KEYS = new Set(["Enter", " ", "ArrowDown"]);

/** The menu's trigger; the Radix dropdown replaces it, open, once its code has loaded. */
export function UserMenu({ user, withTestId = true }: { user: ShellUser; withTestId?: boolean }) {
  const [opened, setOpened] = useState<{
    Dropdown: ComponentType<UserMenuProps>;
    byKeyboard: boolean;
  } | null>(null);
  if (opened) {
    const { Dropdown, byKeyboard } = opened;
    return <Dropdown user={user} withTestId={withTestId} openedByKeyboard={byKeyboard} />;
  }
  const open = (byKeyboard: boolean) =>
    void loadDropdown().then(
      (m) => setOpened({ Dropdown: m.UserMenuDropdown, byKeyboard }),
      reloadOnChunkError,
    );
  const preload = () => void loadDropdown().catch(() => {});
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      className={userMenuTriggerClass}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => open(false)}
      onKeyDown={(event: KeyboardEvent) => {
        if (!OPEN_KEYS.has(event.key)) return;
        event.preventDefault();
        open(true);
      }}
    >
      <UserMenuFace user={user} withTestId={withTestId} />
    </button>
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
