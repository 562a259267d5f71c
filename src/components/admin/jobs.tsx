"use client";
/**
 * /admin/jobs: the job queue (pg-boss), failed jobs first, filtered by queue and state
 * (`?queue=&state=`); a failed job shows its error and a "Retry" button.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/toast";
import {
  ListStatus,
  PageTitle,
  monoClass,
  tableClass,
  tableWrapClass,
  useUrlParams,
} from "@/components/admin/list-parts";
import { attemptsLabel } from "@/components/admin/job-attempts";
import { TimeText } from "@/components/ui/date-text";
import type { RouterOutputs } from "@/trpc/types";
import { useTRPC } from "@/trpc/client";

type AdminOutputs = RouterOutputs["admin"];
import { errorMessage } from "@/components/forms/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select";
import { adminJobStates, type AdminJobState } from "@/schemas/constants";

type Job = AdminOutputs["jobs"]["list"]["items"][number];

const stateTones: Record<string, "neutral" | "indigo" | "emerald" | "amber"> = {
  failed: "amber",
  retry: "amber",
  active: "indigo",
  created: "neutral",
  completed: "emerald",
};

function RetryButton({ job }: { job: Job }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.admin.jobs.retry.mutationOptions({
      onSuccess: async () => {
        toast.success(`Job ${job.id} queued again.`);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.jobs.list.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Button
      variant="secondary"
      aria-label={`Retry job ${job.id}`}
      pending={retry.isPending}
      pendingText="Retrying…"
      onClick={() => retry.mutate({ queue: job.queue, jobId: job.id })}
    >
      Retry
    </Button>
  );
}

export function JobList({ queues }: { queues: string[] }) {
  const trpc = useTRPC();
  const { get, set, navigating } = useUrlParams();
  const queue = queues.find((q) => q === get("queue"));
  const state = adminJobStates.find((s) => s === get("state")) as AdminJobState | undefined;
  const list = useQuery({
    ...trpc.admin.jobs.list.queryOptions({ queue, state }),
    placeholderData: keepPreviousData,
  });
  const jobs = list.data?.items ?? [];
  const updating = navigating || list.isPlaceholderData;

  return (
    <div className="space-y-6">
      <PageTitle title="Jobs">
        Background jobs, failed first, then newest (at most 100 shown).
      </PageTitle>
      <form
        role="search"
        aria-label="Filter jobs"
        className="grid max-w-xl gap-4 sm:grid-cols-2"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Queue"
          value={queue ?? ""}
          onChange={(e) => set({ queue: e.target.value || undefined })}
        >
          <option value="">All queues</option>
          {queues.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="State"
          value={state ?? ""}
          onChange={(e) => set({ state: e.target.value || undefined })}
        >
          <option value="">All states</option>
          {adminJobStates.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
      </form>
      <section aria-label="Jobs" aria-busy={updating} className="space-y-3">
        <ListStatus
          label="Loading jobs"
          pending={list.isPending}
          error={list.isError ? list.error : null}
          empty={jobs.length === 0 ? "No jobs match." : null}
          onRetry={() => void list.refetch()}
        >
          <div className={`${tableWrapClass} ${updating ? "opacity-60" : ""}`}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Created</th>
                  <th scope="col">Finished</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr key={job.id} data-testid="job-row">
                    <td className="max-w-md">
                      <div className="font-medium">{job.queue}</div>
                      <div className={monoClass}>{job.id}</div>
                      {job.error && (
                        <p className="mt-1 break-words text-red-700 dark:text-red-400">
                          <span className="font-medium">Error:</span> {job.error}
                        </p>
                      )}
                    </td>
                    <td>
                      <Badge tone={stateTones[job.state] ?? "neutral"}>{job.state}</Badge>
                    </td>
                    <td className="whitespace-nowrap" data-testid="job-attempts">
                      {attemptsLabel(job)}
                    </td>
                    <td>
                      <TimeText date={job.createdOn} />
                    </td>
                    <td>
                      <TimeText date={job.completedOn} />
                    </td>
                    <td className="text-right">
                      {job.state === "failed" && <RetryButton job={job} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </ListStatus>
      </section>
    </div>
  );
}
