"use client";
/**
 * One project in the list, with its actions: edit, change status (pause, archive, restore) and
 * delete. Status changes and deletion are optimistic: the list changes at once and is put back,
 * with a toast, if the server refuses.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/toast";
import { changeLists, restoreLists, type Project } from "@/components/projects/cache";
import { EditProjectDialog } from "@/components/projects/edit-project-dialog";
import { errorMessage } from "@/components/forms/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { DateText } from "@/components/ui/date-text";
import { projectStatuses, type ProjectStatus } from "@/schemas/constants";
import { useTRPC } from "@/trpc/client";

const statusLabels: Record<ProjectStatus, string> = {
  active: "Active",
  paused: "Paused",
  archived: "Archived",
};
const statusTones = { active: "emerald", paused: "amber", archived: "neutral" } as const;

export function ProjectRow({
  slug,
  project,
  canWrite,
  listedStatus,
}: {
  slug: string;
  project: Project;
  canWrite: boolean;
  /** The list's status filter: a project whose new status leaves the view is dropped from it. */
  listedStatus: ProjectStatus | undefined;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const lists = trpc.project.list.pathFilter();
  const settle = () => {
    void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
    return queryClient.invalidateQueries(lists);
  };

  const setStatus = useMutation(
    trpc.project.update.mutationOptions({
      onMutate: ({ status }) =>
        changeLists(queryClient, lists, (item) => {
          if (item.id !== project.id) return item;
          const stays = listedStatus ? status === listedStatus : status !== "archived";
          return stays ? { ...item, status: status! } : null;
        }),
      onError: (error, _input, snapshot) => {
        restoreLists(queryClient, snapshot);
        toast.error(errorMessage(error));
      },
      onSuccess: (saved) => toast.success(`${saved.name} is now ${statusLabels[saved.status]}.`),
      onSettled: settle,
    }),
  );
  const remove = useMutation(
    trpc.project.delete.mutationOptions({
      onMutate: () => {
        setConfirmingDelete(false);
        return changeLists(queryClient, lists, (item) => (item.id === project.id ? null : item));
      },
      onError: (error, _input, snapshot) => {
        restoreLists(queryClient, snapshot);
        toast.error(errorMessage(error));
      },
      onSuccess: () => toast.success(`Deleted ${project.name}.`),
      onSettled: () => {
        void queryClient.invalidateQueries(trpc.billing.subscription.pathFilter());
        return settle();
      },
    }),
  );

  return (
    <li
      data-testid="project-row"
      className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <p className="min-w-0 font-medium wrap-anywhere">{project.name}</p>
          {/* Writers see (and change) the status in the select below: one place per row. */}
          {!canWrite && (
            <Badge tone={statusTones[project.status]}>{statusLabels[project.status]}</Badge>
          )}
        </div>
        {project.description && (
          <p className="line-clamp-2 text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">
            {project.description}
          </p>
        )}
        <p className="text-xs wrap-anywhere text-zinc-500 dark:text-zinc-400">
          {project.owner?.name ?? "Former member"} · updated <DateText date={project.updatedAt} />
        </p>
      </div>
      {canWrite && (
        <div className="flex shrink-0 items-center gap-2">
          <Select
            aria-label={`Status of ${project.name}`}
            className="w-32"
            value={project.status}
            onChange={(event) =>
              setStatus.mutate({
                workspaceSlug: slug,
                projectId: project.id,
                status: event.target.value as ProjectStatus,
              })
            }
          >
            {projectStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status]}
              </option>
            ))}
          </Select>
          <Button variant="ghost" onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {project.name}</span>
          </Button>
          <Button variant="ghost" onClick={() => setConfirmingDelete(true)}>
            Delete<span className="sr-only"> {project.name}</span>
          </Button>
          <EditProjectDialog
            slug={slug}
            project={project}
            open={editing}
            onOpenChange={setEditing}
          />
          <ConfirmDialog
            open={confirmingDelete}
            title={`Delete ${project.name}?`}
            confirmLabel="Delete project"
            onConfirm={() => remove.mutate({ workspaceSlug: slug, projectId: project.id })}
            onClose={() => setConfirmingDelete(false)}
          >
            It is removed for everyone in the workspace. This cannot be undone; archive it to keep
            it out of the way instead.
          </ConfirmDialog>
        </div>
      )}
    </li>
  );
}
