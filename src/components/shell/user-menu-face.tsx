/**
 * What the user menu's trigger shows, before and after its dropdown code has loaded, and the
 * menu items' classes.
 */
import { ChevronsUpDown } from "lucide-react";

/** The signed-in user as the shell shows them; `isAdmin`: staff, offered the admin console. */
export type ShellUser = { name: string; email: string; isAdmin?: boolean };
/** `openedByKeyboard`: the first item takes focus, as in a Radix menu opened from the keyboard. */
export type UserMenuProps = { user: ShellUser; withTestId: boolean; openedByKeyboard: boolean };

/** The trigger's classes, shared by the placeholder button and the Radix trigger. */
export const userMenuTriggerClass =
  "flex min-h-11 w-full min-w-0 items-center gap-3 rounded-md px-2 py-1.5 text-left hover:bg-zinc-200/50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 data-[state=open]:bg-zinc-200/50 dark:hover:bg-zinc-800/60 dark:data-[state=open]:bg-zinc-800/60";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts.at(-1)![0]] : [parts[0]?.[0]];
  return letters.join("").toUpperCase() || "?";
}

/** The avatar initials, the name (test id `current-user` unless told not to) and the chevron. */
export function UserMenuFace({ user, withTestId }: Omit<UserMenuProps, "openedByKeyboard">) {
  return (
    <>
      <span
        aria-hidden="true"
        className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white dark:bg-indigo-500"
      >
        {initials(user.name)}
      </span>
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
