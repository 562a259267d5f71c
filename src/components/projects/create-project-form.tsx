"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { countOf } from "@/components/format/plural";
import { UpgradePrompt, upgradeHintOf } from "@/components/billing/upgrade-prompt";
import { applyServerErrors, errorMessage } from "@/components/forms/server-errors";
import { useFormDraft } from "@/components/forms/use-draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { createProjectInput } from "@/schemas/project";
import { useTRPC } from "@/trpc/client";

/**
 * Creates a project. At the plan's limit (`limitReached`, from the billing usage the page already
 * shows) the form is disabled before anyone types, with the limit and the way to upgrade; should
 * the limit be reached meanwhile (another tab), the server's PAYMENT_REQUIRED shows the same.
 */
export function CreateProjectForm({
  slug,
  canManageBilling,
  limitReached,
}: {
  slug: string;
  canManageBilling: boolean;
  /** `{ limit, planName }` when the workspace has as many projects as its plan allows, or more. */
  limitReached?: { limit: number; planName: string } | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [upgrade, setUpgrade] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(createProjectInput),
    defaultValues: { workspaceSlug: slug, name: "", description: "" },
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = form;
  const clearDraft = useFormDraft(`create-project:${slug}`, form, ["name", "description"]);
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: (project) => {
        reset({ workspaceSlug: slug, name: "", description: "" });
        clearDraft();
        toast.success(`Created ${project.name}.`);
        void queryClient.invalidateQueries(trpc.billing.subscription.pathFilter());
        void queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        return queryClient.invalidateQueries(trpc.project.list.pathFilter());
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
      {limitReached ? (
        <UpgradePrompt
          workspaceSlug={slug}
          role="status"
          message={`The ${limitReached.planName} plan allows ${countOf(limitReached.limit, "project", "projects")}. Upgrade to create more.`}
          canManageBilling={canManageBilling}
        />
      ) : (
        upgrade && (
          <UpgradePrompt
            workspaceSlug={slug}
            message={upgrade}
            canManageBilling={canManageBilling}
          />
        )
      )}
      {formError && <Alert>{formError}</Alert>}
      <fieldset disabled={Boolean(limitReached)} className="space-y-4 disabled:opacity-60">
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
      </fieldset>
    </form>
  );
}
