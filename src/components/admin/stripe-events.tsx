"use client";
/**
 * /admin/stripe-events: the webhook inbox, newest first, filtered by status (`?status=`). Each
 * row shows the event's id, type, status, attempts and last error, a "Replay" button (re-runs its
 * handler; allowed for a processed event too) and its payload, loaded when "Payload" is opened.
 */
import { countOf } from "@/components/format/plural";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/toast";
import {
  LoadMore,
  ListStatus,
  PageTitle,
  monoClass,
  useUrlParams,
} from "@/components/admin/list-parts";
import { TimeText } from "@/components/ui/date-text";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/client";

type AdminOutputs = RouterOutputs["admin"];
import { errorMessage } from "@/components/forms/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select";
import { adminStripeEventStatuses, type AdminStripeEventStatus } from "@/schemas/constants";

type EventRow = AdminOutputs["stripeEvents"]["list"]["items"][number];

const statusTones = {
  processed: "emerald",
  ignored: "neutral",
  received: "indigo",
  processing: "indigo",
  failed: "amber",
} as const;

function Payload({ eventId }: { eventId: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const event = useQuery({
    ...trpc.admin.stripeEvents.get.queryOptions({ eventId }),
    enabled: open,
  });
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)} className="text-sm">
      <summary className="cursor-pointer font-medium text-indigo-600 dark:text-indigo-400">
        Payload
      </summary>
      {event.isError ? (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
          {errorMessage(event.error)}
        </p>
      ) : event.data ? (
        <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-zinc-50 p-3 text-xs dark:bg-zinc-900">
          {JSON.stringify(event.data.payload, null, 2)}
        </pre>
      ) : (
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">{open ? "Loading…" : ""}</p>
      )}
    </details>
  );
}

function EventItem({ event }: { event: EventRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const replay = useMutation(
    trpc.admin.stripeEvents.replay.mutationOptions({
      onSuccess: async ({ outcome, lastError }) => {
        if (outcome === "failed") toast.error(`${event.id} failed again: ${lastError ?? ""}`);
        else toast.success(`${event.id} replayed: ${outcome}.`);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.admin.stripeEvents.list.pathKey() }),
          queryClient.invalidateQueries({
            queryKey: trpc.admin.stripeEvents.get.queryKey({ eventId: event.id }),
          }),
        ]);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <li data-testid="stripe-event-row" className="space-y-2 px-4 py-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{event.type}</span>
            <Badge tone={statusTones[event.status]}>{event.status}</Badge>
          </p>
          <p className={monoClass}>{event.id}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {countOf(event.attempts, "attempt", "attempts")} · received{" "}
            <TimeText date={event.receivedAt} />
          </p>
        </div>
        <Button
          variant="secondary"
          aria-label={`Replay ${event.id}`}
          pending={replay.isPending}
          pendingText="Replaying…"
          onClick={() => replay.mutate({ eventId: event.id })}
        >
          Replay
        </Button>
      </div>
      {event.lastError && (
        <p className="text-sm break-words text-red-700 dark:text-red-400">
          <span className="font-medium">Last error:</span> {event.lastError}
        </p>
      )}
      <Payload eventId={event.id} />
    </li>
  );
}

function statusOf(value: string | undefined): AdminStripeEventStatus | undefined {
  return adminStripeEventStatuses.find((s) => s === value);
}

export function StripeEventList() {
  const trpc = useTRPC();
  const { get, set, navigating } = useUrlParams();
  const status = statusOf(get("status"));
  const list = useInfiniteQuery(
    trpc.admin.stripeEvents.list.infiniteQueryOptions(
      { status },
      { getNextPageParam: (last) => last.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const events = list.data?.pages.flatMap((page) => page.items) ?? [];
  const updating = navigating || list.isPlaceholderData;

  return (
    <div className="space-y-6">
      <PageTitle title="Stripe events">
        Every verified webhook event, newest first. Replay re-runs its handler.
      </PageTitle>
      <form
        role="search"
        aria-label="Filter Stripe events"
        className="max-w-xs"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Status"
          value={status ?? ""}
          onChange={(e) => set({ status: e.target.value || undefined })}
        >
          <option value="">All statuses</option>
          {adminStripeEventStatuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
      </form>
      <section aria-label="Stripe events" aria-busy={updating} className="space-y-3">
        <ListStatus
          label="Loading Stripe events"
          pending={list.isPending}
          error={list.isError && events.length === 0 ? list.error : null}
          empty={
            events.length === 0
              ? status
                ? `No ${status} events.`
                : "No Stripe events received yet."
              : null
          }
          onRetry={() => void list.refetch()}
        >
          <ul
            className={`divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800 ${
              updating ? "opacity-60" : ""
            }`}
          >
            {events.map((event) => (
              <EventItem key={event.id} event={event} />
            ))}
          </ul>
          <LoadMore
            hasNextPage={list.hasNextPage}
            fetching={list.isFetchingNextPage}
            error={list.isFetchNextPageError ? list.error : null}
            disabled={updating}
            onLoad={() => void list.fetchNextPage()}
          />
        </ListStatus>
      </section>
    </div>
  );
}
