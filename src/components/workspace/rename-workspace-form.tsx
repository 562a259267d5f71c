"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import type { WorkspaceDetails } from "@/components/workspace/types";
import { renameWorkspaceInput } from "@/schemas/workspace";
import { useTRPC } from "@/trpc/client";

export function RenameWorkspaceForm({ workspace }: { workspace: WorkspaceDetails }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const workspaceSlug = workspace.slug;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm({
    resolver: zodResolver(renameWorkspaceInput),
    defaultValues: { workspaceSlug, name: workspace.name },
  });
  const rename = useMutation(
    trpc.workspace.rename.mutationOptions({
      onSuccess: ({ name }) => {
        reset({ workspaceSlug, name });
        toast.success(`Renamed to ${name}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        return queryClient.invalidateQueries({
          queryKey: trpc.workspace.get.queryKey({ workspaceSlug }),
        });
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["name"])),
    }),
  );

  return (
    <form
      noValidate
      aria-label="Rename workspace"
      className="max-w-md space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        rename.mutate(values);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Workspace name"
        autoComplete="organization"
        hint={`The address stays /w/${workspaceSlug}.`}
        error={errors.name?.message}
        {...register("name")}
      />
      <Button type="submit" disabled={!isDirty} pending={rename.isPending} pendingText="Saving…">
        Save name
      </Button>
    </form>
  );
}
