"use client";
/**
 * A `next/link` that prefetches on intent (pointer over it, keyboard focus, touch start) instead
 * of when it scrolls into view. Next prefetches every visible link of a dynamic route with a
 * server render of its layouts; for the shell's links, on every page view, that was 7 renders
 * (~11× the page itself, docs/benchmarks.md) for the one link a person may follow. On intent, a
 * page view costs one prefetch per link the user reaches for, and the few hundred ms between
 * hover and click are enough for the navigation to still feel instant (the bench's browser row
 * measures click → content). Pattern: Next's Prefetching guide, "Hover-triggered prefetch".
 */
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export function IntentLink({
  href,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: Route }) {
  const router = useRouter();
  // router.prefetch dedupes: repeated hovers within the router cache's lifetime cost nothing.
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
