"use client";
/**
 * A modal dialog on Radix Dialog (focus trapped and returned, Escape and the overlay close it,
 * labelled by its title). Controlled through `open` / `onOpenChange`. Use `Modal` (modal.tsx),
 * which loads this on first open.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useRef } from "react";
import type { ModalProps } from "@/components/ui/modal";

/** The Radix dialog behind `Modal`; focus goes back to the element that opened it. */
export function RadixModal({ open, onOpenChange, title, description, children }: ModalProps) {
  // With no Dialog.Trigger, Radix has nothing to return focus to: remember the opener instead.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-xl dark:border-zinc-800 dark:bg-zinc-950"
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement as HTMLElement | null;
          }}
          onCloseAutoFocus={(event) => {
            if (!opener.current?.isConnected) return;
            event.preventDefault();
            opener.current.focus();
          }}
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Close
              aria-label="Close"
              className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-900"
            >
              <X aria-hidden className="size-4" />
            </Dialog.Close>
          </div>
          {description && (
            <Dialog.Description className="text-sm text-zinc-600 dark:text-zinc-400">
              {description}
            </Dialog.Description>
          )}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
