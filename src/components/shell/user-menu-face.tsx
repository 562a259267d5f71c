/**
 * What the user menu's trigger shows, before and after its dropdown code has loaded, and the
 * menu items' classes.
 */
import { ChevronsUpDown } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";

/**
 * The signed-in user as the shell shows them; `isAdmin`: staff (admins and editors), offered the
 * admin console;
 * `avatarUrl`: their processed avatar (64 px), null for initials.
 */
export type ShellUser = {
  name: string;
  email: string;
  isAdmin?: boolean;
  avatarUrl?: string | null;
};
/** `openedByKeyboard`: the first item takes focus, as in a Radix menu opened from the keyboard. */
export type UserMenuProps = { user: ShellUser; withTestId: boolean; openedByKeyboard: boolean };

/** The trigger's classes, shared by the placeholder button and the Radix trigger. */
export const userMenuTriggerClass =
  "flex min-h-11 w-full min-w-0 items-center gap-3 rounded-md px-2 py-1.5 text-left hover:bg-zinc-200/50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 data-[state=open]:bg-zinc-200/50 dark:hover:bg-zinc-800/60 dark:data-[state=open]:bg-zinc-800/60";

/** The avatar (initials without one), the name (test id `current-user` unless told not to) and the chevron. */
export function UserMenuFace({ user, withTestId }: Omit<UserMenuProps, "openedByKeyboard">) {
  return (
    <>
      <Avatar name={user.name} src={user.avatarUrl} />
      <span
        className="min-w-0 flex-1 truncate text-sm font-medium"
        title={user.name}
        data-testid={withTestId ? "current-user" : undefined}
      >
        {user.name}
      </span>
      <span className="sr-only">, account menu</span>
      <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-zinc-500" />
    </>
  );
}

/** A menu item's classes (the user menu's items and its theme radio items). */
export const menuItemClass =
  "flex min-h-9 cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-hidden select-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800";
