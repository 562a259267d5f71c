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
  role = "alert",
}: {
  workspaceSlug: string;
  message: string;
  canManageBilling: boolean;
  /** "alert" after a refused action; "status" for a limit shown before any action. */
  role?: "alert" | "status";
}) {
  return (
    <div
      role={role}
      data-testid="upgrade-prompt"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100"
    >
      <p>{message}</p>
      {canManageBilling ? (
        <Link
          href={`/w/${workspaceSlug}/billing` as Route}
          className="inline-flex min-h-9 items-center rounded-md bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
        >
          Upgrade plan
        </Link>
      ) : (
        <p className="font-medium">Ask an owner or admin to upgrade.</p>
      )}
    </div>
  );
}

/**
 * A feature the workspace's plan lacks, shown before anyone clicks: "<feature> is a Pro feature"
 * (`planName`: the cheapest plan that has it) with a link to upgrade, or who to ask.
 */
export function PlanFeatureNotice({
  workspaceSlug,
  feature,
  planName,
  canManageBilling,
}: {
  workspaceSlug: string;
  feature: string;
  planName: string;
  canManageBilling: boolean;
}) {
  return (
    <div
      data-testid="plan-feature-notice"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
    >
      <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300">
        {planName}
      </span>
      <p>
        {feature} is a {planName} feature.
      </p>
      {canManageBilling ? (
        <Link
          href={`/w/${workspaceSlug}/billing` as Route}
          className="font-medium text-indigo-700 underline underline-offset-4 hover:text-indigo-600 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-400"
        >
          Upgrade to {planName}
        </Link>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-400">Ask an owner or admin to upgrade.</p>
      )}
    </div>
  );
}
