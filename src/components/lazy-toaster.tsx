"use client";
/**
 * The toaster, loaded after the page: pages without forms (the marketing pages) never need
 * sonner's code up front. A toast raised before it has loaded is not lost: sonner replays the
 * active toasts to a toaster that subscribes late.
 */
import dynamic from "next/dynamic";

/** sonner's toaster (toaster.tsx), rendered in the browser only, once its code has loaded. */
export const LazyToaster = dynamic(
  () => import("@/components/toaster").then((module) => module.Toaster),
  { ssr: false },
);
