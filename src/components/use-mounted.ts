"use client";
import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/**
 * False during server rendering and hydration, true once mounted on the client: for markup that
 * depends on browser-only state (the stored theme) without a hydration mismatch. Its own module,
 * so the toaster in the root layout does not pull the theme menu's Radix and icon code.
 */
export function useMounted(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}
