/**
 * What the marketing header (and the 404 page) offers the visitor: "Dashboard" when signed in,
 * "Sign in" and "Get started" otherwise.
 *
 * Read on the server from the validated session (src/server/auth/session.ts), inside its own
 * Suspense boundary: these pages are rendered per request already (the root layout reads the
 * CSP nonce), and with Partial Prerendering only this hole would be dynamic while the page shell
 * stays static. Chosen over a client island because it needs no JavaScript, shows no flash of
 * the wrong buttons, and trusts no readable "signed in" hint cookie that every sign-in and
 * sign-out path would have to keep in step (a stale session reads as signed out here).
 */
import type { Route } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getCurrentSession } from "@/server/auth/session";
import { listWorkspaces } from "@/server/services/workspaces";

const quietClass =
  "rounded-md px-3 py-2 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-zinc-900";
const primaryClass =
  "rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

async function Links() {
  if (await getCurrentSession()) {
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

/** The header's account links; a same-height placeholder while the session is read. */
export function AccountLinks() {
  return (
    <Suspense fallback={<span aria-hidden="true" className="inline-block h-9 w-40" />}>
      <Links />
    </Suspense>
  );
}

/**
 * Where "Choose <plan>" leads: a visitor signs up; a signed-in user opens the billing page of
 * their only workspace, or picks one on the dashboard when they have several (or none).
 */
export async function choosePlanHref(): Promise<Route> {
  const current = await getCurrentSession();
  if (!current) return "/sign-up";
  const workspaces = await listWorkspaces(current.user.id);
  return workspaces.length === 1 ? (`/w/${workspaces[0]!.slug}/billing` as Route) : "/dashboard";
}

/** True when this request has a signed-in user (the 404 page offers the dashboard then). */
export async function isSignedIn(): Promise<boolean> {
  return (await getCurrentSession()) !== null;
}
