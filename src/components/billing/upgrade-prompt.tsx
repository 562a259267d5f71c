"use client";
/**
 * What the client does with PAYMENT_REQUIRED: the server's `data.upgrade` hint (which limit, the
 * current plan) becomes a prompt linking to the billing page.
 */
import { isTRPCClientError } from "@trpc/client";
import type { Route } from "next";
import Link from "next/link";
import type { AppRouter } from "@/trpc/types";

export type UpgradeHint = { entitlement: string; limit: number | null; plan: string };

/** The upgrade hint of a tRPC error, or null when the error is not a plan limit. */
export function upgradeHintOf(error: unknown): UpgradeHint | null {
  if (!isTRPCClientError<AppRouter>(error)) return null;
  return error.data?.code === "PAYMENT_REQUIRED" ? (error.data.upgrade ?? null) : null;
}

/** "You have reached your plan's limit" with a link to upgrade (or who to ask). */
export function UpgradePrompt({
  workspaceSlug,
  message,
  canManageBilling,
}: {
  workspaceSlug: string;
  message: string;
  canManageBilling: boolean;
}) {
  return (
    <div
      role="alert"
      data-testid="upgrade-prompt"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p>{message}</p>
      {canManageBilling ? (
        <Link
          href={`/w/${workspaceSlug}/billing` as Route}
          className="inline-flex min-h-9 items-center rounded-md bg-amber-600 px-3 py-1.5 font-medium text-white hover:bg-amber-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
        >
          Upgrade plan
        </Link>
      ) : (
        <p className="font-medium">Ask an owner or admin to upgrade.</p>
      )}
    </div>
  );
}
