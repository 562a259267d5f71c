"use client";
/**
 * Below md: the "Open menu" button and the sidebar's content in a drawer (mobile-drawer.tsx, a
 * Radix Dialog whose code loads when the pointer or focus reaches the button, so no page pays for
 * it up front). The drawer closes on navigation and when the window grows to the desktop layout.
 * Closed, its content is not in the DOM, so its navs never duplicate the desktop sidebar's.
 */
import { Menu } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ComponentType } from "react";
import { reloadOnChunkError } from "@/components/lazy";
import type { ShellUser } from "@/components/shell/user-menu";

/** Tailwind's `md` breakpoint. */
const DESKTOP_QUERY = "(min-width: 48rem)";

/** The drawer's open and close buttons' classes. */
export const iconButtonClass =
  "inline-flex size-10 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-zinc-300 dark:hover:bg-zinc-800";

/** What `MobileNav` passes the drawer: it owns the open state (closed on navigation). */
export type MobileDrawerProps = {
  user: ShellUser;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onNavigate: () => void;
};

const loadDrawer = () => import("@/components/shell/mobile-drawer");

/** The "Open menu" button below md; the Radix drawer replaces it once its code has loaded. */
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

  const [Drawer, setDrawer] = useState<ComponentType<MobileDrawerProps> | null>(null);
  if (Drawer) {
    return (
      <Drawer
        user={user}
        open={open}
        onOpenChange={(next) => setOpenedOn(next ? pathname : null)}
        onNavigate={close}
      />
    );
  }
  const preload = () => void loadDrawer().catch(() => {});
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-expanded={false}
      className={`${iconButtonClass} shrink-0 md:hidden`}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() =>
        void loadDrawer().then((module) => {
          setDrawer(() => module.MobileDrawer);
          setOpenedOn(pathname);
        }, reloadOnChunkError)
      }
    >
      <Menu aria-hidden="true" className="size-5" />
      <span className="sr-only">Open menu</span>
    </button>
  );
}
