"use client";
/**
 * Below md: the "Open menu" button and the sidebar's content in a Radix Dialog drawer (focus
 * trapped, Escape or the close button closes it, focus returns to the button). The drawer closes
 * on navigation and when the window grows to the desktop layout. Closed, its content is not in the
 * DOM, so its navs never duplicate the desktop sidebar's.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { SidebarFooter, type ShellUser } from "@/components/shell/user-menu";

/** Tailwind's `md` breakpoint. */
const DESKTOP_QUERY = "(min-width: 48rem)";

const iconButtonClass =
  "inline-flex size-10 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-800";

export function MobileNav({ user }: { user: ShellUser }) {
  const pathname = usePathname();
  // Open only on the page it was opened on: following any link closes it.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const open = openedOn === pathname;
  // Navigated away while open: forget it, so coming back to that page does not reopen it.
  if (openedOn !== null && !open) setOpenedOn(null);
  const close = () => setOpenedOn(null);

  useEffect(() => {
    if (!open) return;
    const desktop = window.matchMedia(DESKTOP_QUERY);
    const onChange = () => {
      if (desktop.matches) setOpenedOn(null);
    };
    desktop.addEventListener("change", onChange);
    return () => desktop.removeEventListener("change", onChange);
  }, [open]);

  return (
    <Dialog.Root open={open} onOpenChange={(next) => setOpenedOn(next ? pathname : null)}>
      <Dialog.Trigger className={`${iconButtonClass} shrink-0 md:hidden`}>
        <Menu aria-hidden="true" className="size-5" />
        <span className="sr-only">Open menu</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50 md:hidden" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[calc(100vw-3rem)] flex-col border-r border-zinc-200 bg-zinc-50 text-zinc-900 shadow-xl focus:outline-none md:hidden dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
            <Dialog.Title className="text-base font-semibold">Menu</Dialog.Title>
            <Dialog.Close className={iconButtonClass}>
              <X aria-hidden="true" className="size-5" />
              <span className="sr-only">Close menu</span>
            </Dialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-3 py-4">
            <SidebarNav onNavigate={close} />
          </div>
          {/* The desktop sidebar (hidden here) carries the `current-user` test id: ids stay unique. */}
          <SidebarFooter user={user} withTestId={false} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
