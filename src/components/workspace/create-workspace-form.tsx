"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { useFormDraft } from "@/components/forms/use-draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { createWorkspaceInput } from "@/schemas/workspace";
import { useTRPC } from "@/trpc/client";

/** A preview of the slug the server derives from a name (the server has the last word). */
function slugPreview(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export function CreateWorkspaceForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(createWorkspaceInput),
    // `slug` starts undefined (optional); an emptied field goes back to undefined.
    defaultValues: { name: "", slug: undefined },
  });
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = form;
  const clearDraft = useFormDraft("create-workspace", form, ["name", "slug"]);
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: ({ slug }) => {
        clearDraft();
        toast.success("Workspace created.");
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        router.push(`/w/${slug}` as Route);
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["name", "slug"])),
    }),
  );
  const preview = slugPreview(useWatch({ control, name: "name" }) ?? "");
  const typedSlug = useWatch({ control, name: "slug" })?.trim().toLowerCase();
  const shownSlug = typedSlug || preview || "<slug>";

  return (
    <form
      noValidate
      className="max-w-md space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Name"
        autoComplete="organization"
        error={errors.name?.message}
        {...register("name")}
      />
      <TextField
        label="URL slug (optional)"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        placeholder={preview || "acme-inc"}
        hint={`Lower-case letters, digits and dashes, 3 to 40 characters. Leave empty to derive it from the name. Address: /w/${shownSlug}`}
        error={errors.slug?.message}
        {...register("slug", {
          setValueAs: (value: unknown) =>
            typeof value === "string" && value.trim() === "" ? undefined : value,
        })}
      />
      <Button type="submit" pending={create.isPending || create.isSuccess} pendingText="Creating…">
        Create workspace
      </Button>
    </form>
  );
}
