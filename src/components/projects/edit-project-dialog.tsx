"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type * as z from "zod/mini";
import { toast } from "@/components/toast";
import type { Project } from "@/components/projects/cache";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { updateProjectInput } from "@/schemas/project";
import { useTRPC } from "@/trpc/client";

/** Renames and describes a project, in a modal; server field errors land on the fields. */
export function EditProjectDialog({
  slug,
  project,
  open,
  onOpenChange,
}: {
  slug: string;
  project: Project;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: z.input<typeof updateProjectInput> = {
    workspaceSlug: slug,
    projectId: project.id,
    name: project.name,
    description: project.description,
  };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm({ resolver: zodResolver(updateProjectInput), values: defaults });
  const update = useMutation(
    trpc.project.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Saved ${saved.name}.`);
        onOpenChange(false);
        return queryClient.invalidateQueries(trpc.project.list.pathFilter());
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["name", "description"])),
    }),
  );
  return (
    <Modal open={open} onOpenChange={onOpenChange} title={`Edit ${project.name}`}>
      <form
        noValidate
        aria-label="Edit project"
        className="space-y-4"
        onSubmit={handleSubmit((values) => {
          setFormError(null);
          update.mutate(values);
        })}
      >
        {formError && <Alert>{formError}</Alert>}
        <TextField label="Project name" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Description"
          error={errors.description?.message}
          {...register("description")}
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            disabled={!isDirty}
            pending={update.isPending}
            pendingText="Saving…"
          >
            Save changes
          </Button>
        </div>
      </form>
    </Modal>
  );
}
