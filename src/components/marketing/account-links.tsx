"use client";
/**
 * What the marketing header offers the visitor: "Dashboard" when signed in, "Sign in" and "Get
 * started" otherwise. A small client island, because the marketing pages are prerendered and
 * shared by every visitor (src/server/http/public-pages.ts): the server renders the signed-out
 * links, and once hydrated the island reads the readable signed-in hint cookie that src/proxy.ts
 * keeps in step with the HttpOnly session cookie. The hint grants nothing: when it is stale, the
 * Dashboard link leads to the sign-in page.
 */
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { SIGNED_IN_HINT_COOKIE } from "@/schemas/constants";

const quietClass =
  "rounded-md px-3 py-2 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-900";
const primaryClass =
  "rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

const noopSubscribe = () => () => {};
const hasHint = () =>
  document.cookie.split("; ").some((pair) => pair === `${SIGNED_IN_HINT_COOKIE}=1`);

/** True in the browser when the signed-in hint is set; false on the server and while hydrating. */
function useSignedInHint(): boolean {
  return useSyncExternalStore(noopSubscribe, hasHint, () => false);
}

/** The header's account links. */
export function AccountLinks() {
  if (useSignedInHint()) {
    return (
      <Link href="/dashboard" className={primaryClass}>
        Dashboard
      </Link>
    );
  }
  return (
    <>
      <Link href="/sign-in" className={quietClass}>
        Sign in
      </Link>
      <Link href="/sign-up" className={primaryClass}>
        Get started
      </Link>
    </>
  );
}
