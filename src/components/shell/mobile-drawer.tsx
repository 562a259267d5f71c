"use client";
/**
 * The mobile drawer (a Radix Dialog): the sidebar's content, focus trapped, Escape or the close
 * button closes it, focus returns to its trigger. Loaded on first use by `MobileNav`.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { iconButtonClass, type MobileDrawerProps } from "@/components/shell/mobile-nav";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { SidebarFooter } from "@/components/shell/user-menu";

/** The drawer and its trigger, controlled by `MobileNav`. */
export function MobileDrawer({ user, open, onOpenChange, onNavigate }: MobileDrawerProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
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
            <SidebarNav onNavigate={onNavigate} />
          </div>
          {/* The desktop sidebar (hidden here) carries the `current-user` test id: ids stay unique. */}
          <SidebarFooter user={user} withTestId={false} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
