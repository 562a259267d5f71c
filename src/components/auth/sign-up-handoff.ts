"use client";
/**
 * What sign-up hands to the pages after it, in this tab only (sessionStorage, never the URL, so
 * the address stays out of history and server logs): the address the link went to, for "Check
 * your inbox", and where to go once it is confirmed (the invitation it came from). A link opened
 * in another browser finds nothing and falls back to the generic text and the dashboard.
 */
import { useSyncExternalStore } from "react";
import { safeNextPath } from "@/schemas/navigation";

const KEY = "sign-up";

export interface SignUpHandoff {
  email: string;
  /** A path on this site to open after confirming (validated again when read). */
  next?: string;
}

export function saveSignUp(handoff: SignUpHandoff): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(handoff));
  } catch {
    // Storage disabled: the pages after sign-up use their generic wording.
  }
}

export function readSignUp(): SignUpHandoff | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? "null");
    if (!value || typeof value !== "object") return null;
    const { email, next } = value as Record<string, unknown>;
    if (typeof email !== "string") return null;
    return { email, next: typeof next === "string" ? safeNextPath(next) : undefined };
  } catch {
    return null;
  }
}

export function clearSignUp(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

const noSubscribe = () => () => {};

/** The address of this tab's last sign-up, after hydration (null on the server and before). */
export function useSignUpEmail(): string | null {
  return useSyncExternalStore(
    noSubscribe,
    () => readSignUp()?.email ?? null,
    () => null,
  );
}
