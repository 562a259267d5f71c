"use client";
/**
 * A modal dialog (Radix Dialog, radix-modal.tsx: focus trapped and returned, Escape and the
 * overlay close it, labelled by its title), controlled through `open` / `onOpenChange`. Radix's
 * code loads the first time the modal opens, so pages with a modal they may never show do not
 * carry it in their first load; once opened it stays mounted, to return focus on close.
 */
import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";

/** `open` / `onOpenChange` control it; `title` labels it, `description` describes it. */
export type ModalProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
};

const RadixModal = dynamic(
  () => import("@/components/ui/radix-modal").then((module) => module.RadixModal),
  { ssr: false },
);

/** Nothing until first opened; then the Radix modal, kept mounted. */
export function Modal(props: ModalProps) {
  const [used, setUsed] = useState(props.open);
  if (props.open && !used) setUsed(true);
  return used ? <RadixModal {...props} /> : null;
}
