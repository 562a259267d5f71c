"use client";
/**
 * "Export data" on the workspace settings page: starts a CSV export of the projects and activity
 * log, lists the recent exports with their progress (polled every second while one runs), links
 * to the finished files and retries failed ones. On a plan without CSV export the button gives way
 * to "CSV export is a Pro feature" with an upgrade link; should the plan change meanwhile, the
 * server's PAYMENT_REQUIRED shows the upgrade prompt. A second click while an export runs
 * returns the running export (the server is idempotent), and the button waits for it to finish.
 */
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/toast";
import { countOf } from "@/components/format/plural";
import {
  PlanFeatureNotice,
  UpgradePrompt,
  upgradeHintOf,
} from "@/components/billing/upgrade-prompt";
import { errorMessage } from "@/components/forms/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { DateText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { textLinkClass } from "@/components/ui/link";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/client";

type ExportItem = RouterOutputs["export"]["list"][number];
type ExportStatus = ExportItem["status"];

/** How often the list is refetched while an export is pending or processing, in ms. */
const POLL_MS = 1_000;

const isRunning = (status: ExportStatus) => status === "pending" || status === "processing";

function ExportStatusText({ item }: { item: ExportItem }) {
  switch (item.status) {
    case "pending":
      return <Badge>Waiting…</Badge>;
    case "processing":
      return (
        <div className="flex items-center gap-2">
          <Badge tone="indigo">Exporting… {item.progress}%</Badge>
          <progress
            aria-label="Export progress"
            className="h-2 w-32 accent-indigo-600"
            max={100}
            value={item.progress}
          />
        </div>
      );
    case "done":
      return <Badge tone="emerald">Ready</Badge>;
    case "failed":
      return <Badge tone="amber">Failed</Badge>;
  }
}

function ExportRow({ slug, item }: { slug: string; item: ExportItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.export.retry.mutationOptions({
      onSuccess: () => toast.success("Export restarted."),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries(trpc.export.list.pathFilter()),
    }),
  );
  return (
    <li
      data-testid="export-row"
      className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm font-medium">
            <DateText date={item.createdAt} />
          </p>
          <ExportStatusText item={item} />
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Requested by {item.requestedBy?.name ?? "a former member"}
          {item.status === "done" &&
            item.rowCount !== null &&
            ` · ${countOf(item.rowCount, "row", "rows")}`}
        </p>
        {item.status === "failed" && item.error && (
          <p className="text-sm break-words text-red-700 dark:text-red-400">{item.error}</p>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        {item.status === "done" && (
          <a href={`/api/exports/${item.id}`} download className={`text-sm ${textLinkClass}`}>
            Download CSV
          </a>
        )}
        {item.status === "failed" && (
          <Button
            variant="secondary"
            pending={retry.isPending}
            pendingText="Retrying…"
            onClick={() => retry.mutate({ workspaceSlug: slug, exportId: item.id })}
          >
            Retry
          </Button>
        )}
      </div>
    </li>
  );
}

/** Toasts when an export seen running in this page finishes (done or failed). */
function useFinishedToasts(items: readonly ExportItem[]) {
  const seen = useRef(new Map<string, ExportStatus>());
  useEffect(() => {
    for (const item of items) {
      const before = seen.current.get(item.id);
      if (before && isRunning(before) && !isRunning(item.status)) {
        if (item.status === "done") toast.success("Your export is ready to download.");
        else toast.error(item.error ?? "The export failed.");
      }
      seen.current.set(item.id, item.status);
    }
  }, [items]);
}

export function ExportPanel({
  slug,
  canManageBilling,
}: {
  slug: string;
  canManageBilling: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [upgrade, setUpgrade] = useState<string | null>(null);
  const { data: exports } = useSuspenseQuery({
    ...trpc.export.list.queryOptions({ workspaceSlug: slug }),
    refetchInterval: (query) =>
      query.state.data?.some((item) => isRunning(item.status)) ? POLL_MS : false,
  });
  const { data: billing } = useSuspenseQuery(
    trpc.billing.subscription.queryOptions({ workspaceSlug: slug }),
  );
  const { data: plans } = useSuspenseQuery(trpc.plan.list.queryOptions());
  const exportPlan = plans.find((plan) => plan.entitlements.csvExport);
  const running = exports.some((item) => isRunning(item.status));
  useFinishedToasts(exports);
  const request = useMutation(
    trpc.export.request.mutationOptions({
      onSuccess: ({ started }) =>
        started
          ? toast.success("Export started. It will be ready in a moment.")
          : toast.info("An export is already running: it is in the list below."),
      onError: (error) => {
        if (upgradeHintOf(error)) return setUpgrade(errorMessage(error));
        toast.error(errorMessage(error));
      },
      onSettled: () => queryClient.invalidateQueries(trpc.export.list.pathFilter()),
    }),
  );
  return (
    <Section
      id="export-heading"
      title="Export data"
      description="A CSV file of this workspace's projects and activity log."
    >
      <div className="space-y-4">
        {upgrade && (
          <UpgradePrompt
            workspaceSlug={slug}
            message={upgrade}
            canManageBilling={canManageBilling}
          />
        )}
        {billing.plan.entitlements.csvExport || !exportPlan ? (
          <Button
            pending={request.isPending}
            pendingText="Starting…"
            disabled={running}
            onClick={() => {
              setUpgrade(null);
              request.mutate({ workspaceSlug: slug });
            }}
          >
            {running ? "Export running…" : "Export CSV"}
          </Button>
        ) : (
          <PlanFeatureNotice
            workspaceSlug={slug}
            feature="CSV export"
            planName={exportPlan.name}
            canManageBilling={canManageBilling}
          />
        )}
        {exports.length === 0 ? (
          <EmptyState>No exports yet.</EmptyState>
        ) : (
          <ul
            aria-label="Recent exports"
            className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          >
            {exports.map((item) => (
              <ExportRow key={item.id} slug={slug} item={item} />
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
