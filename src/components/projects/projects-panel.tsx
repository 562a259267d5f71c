"use client";
/**
 * /w/[slug]/projects: the workspace's projects with usage against the plan's limit, a create form
 * (an upgrade prompt when the limit is reached) and delete with confirmation.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { UpgradePrompt, upgradeHintOf } from "@/components/billing/upgrade-prompt";
import { applyServerErrors, errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/form-field";
import { can, DateText, EmptyState, type RouterOutputs } from "@/components/workspace/shared";
import { createProjectInput } from "@/schemas/project";
import { useTRPC } from "@/trpc/client";

type Project = RouterOutputs["project"]["list"][number];

function CreateProjectForm({
  slug,
  canManageBilling,
}: {
  slug: string;
  canManageBilling: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [upgrade, setUpgrade] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(createProjectInput),
    defaultValues: { workspaceSlug: slug, name: "", description: "" },
  });
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: (project) => {
        reset({ workspaceSlug: slug, name: "", description: "" });
        toast.success(`Created ${project.name}.`);
        void queryClient.invalidateQueries({
          queryKey: trpc.billing.subscription.queryKey({ workspaceSlug: slug }),
        });
        return queryClient.invalidateQueries({
          queryKey: trpc.project.list.queryKey({ workspaceSlug: slug }),
        });
      },
      onError: (error) => {
        if (upgradeHintOf(error)) return setUpgrade(errorMessage(error));
        setFormError(applyServerErrors(setError, error, ["name", "description"]));
      },
    }),
  );
  return (
    <form
      noValidate
      aria-label="Create a project"
      className="space-y-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        setUpgrade(null);
        create.mutate(values);
      })}
    >
      <h2 className="text-lg font-semibold">New project</h2>
      {upgrade && (
        <UpgradePrompt workspaceSlug={slug} message={upgrade} canManageBilling={canManageBilling} />
      )}
      {formError && <Alert>{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Project name" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Description (optional)"
          error={errors.description?.message}
          {...register("description")}
        />
      </div>
      <Button type="submit" pending={create.isPending} pendingText="Creating…">
        Create project
      </Button>
    </form>
  );
}

function ProjectRow({
  slug,
  project,
  canWrite,
}: {
  slug: string;
  project: Project;
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.project.delete.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        toast.success(`Deleted ${project.name}.`);
        void queryClient.invalidateQueries({
          queryKey: trpc.billing.subscription.queryKey({ workspaceSlug: slug }),
        });
        return queryClient.invalidateQueries({
          queryKey: trpc.project.list.queryKey({ workspaceSlug: slug }),
        });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <li
      data-testid="project-row"
      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
    >
      <div className="min-w-0">
        <p className="font-medium break-words">{project.name}</p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {project.owner?.name ?? "Former member"} · created <DateText date={project.createdAt} />
        </p>
      </div>
      {canWrite && (
        <>
          <Button variant="ghost" onClick={() => setConfirming(true)}>
            Delete<span className="sr-only"> {project.name}</span>
          </Button>
          <ConfirmDialog
            open={confirming}
            title={`Delete ${project.name}?`}
            confirmLabel="Delete project"
            pendingLabel="Deleting…"
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ workspaceSlug: slug, projectId: project.id })}
            onClose={() => setConfirming(false)}
          >
            This cannot be undone.
          </ConfirmDialog>
        </>
      )}
    </li>
  );
}

export function ProjectsPanel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const { data: projects } = useSuspenseQuery(
    trpc.project.list.queryOptions({ workspaceSlug: slug }),
  );
  const { data: billing } = useSuspenseQuery(
    trpc.billing.subscription.queryOptions({ workspaceSlug: slug }),
  );
  const canWrite = can(workspace, "projects:write");
  const limit = billing.plan.entitlements.maxProjects;
  return (
    <div className="space-y-6">
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="project-usage">
        {billing.usage.projects} of {limit ?? "unlimited"} projects used on the {billing.plan.name}{" "}
        plan
      </p>
      {canWrite && (
        <CreateProjectForm slug={slug} canManageBilling={can(workspace, "billing:manage")} />
      )}
      <section aria-labelledby="projects-heading" className="space-y-3">
        <h2 id="projects-heading" className="text-lg font-semibold">
          Projects
        </h2>
        {projects.length === 0 ? (
          <EmptyState>No projects yet{canWrite ? ": create the first one above." : "."}</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {projects.map((project) => (
              <ProjectRow key={project.id} slug={slug} project={project} canWrite={canWrite} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
