"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { countOf, listOf, plural } from "@/components/format/plural";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import type { WorkspaceDetails } from "@/components/workspace/types";
import { deleteWorkspaceInput } from "@/schemas/workspace";
import { useTRPC } from "@/trpc/client";
import { markWorkspaceLost } from "@/trpc/lost-workspaces";

/** Two steps: "Delete workspace…" opens the confirmation, which asks for the slug. */
export function DeleteWorkspaceForm({ workspace }: { workspace: WorkspaceDetails }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const workspaceSlug = workspace.slug;
  const [open, setOpen] = useState(false);
  // What goes with the workspace, counted (prefetched by the settings page).
  const { data: billing } = useQuery(trpc.billing.subscription.queryOptions({ workspaceSlug }));
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(deleteWorkspaceInput),
    defaultValues: { workspaceSlug, confirmSlug: "" },
  });
  const deleteWorkspace = useMutation(
    trpc.workspace.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`${workspace.name} is deleted.`);
        // Back must not bring its pages back from a client cache (WorkspaceGuard).
        markWorkspaceLost(workspaceSlug, { notify: false });
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        router.push("/dashboard");
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["confirmSlug"])),
    }),
  );

  useEffect(() => {
    if (open) setFocus("confirmSlug");
  }, [open, setFocus]);

  if (!open) {
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete workspace…
      </Button>
    );
  }

  return (
    <form
      noValidate
      aria-label="Confirm workspace deletion"
      className="max-w-md space-y-4 rounded-lg border border-red-200 bg-red-50/50 p-4 dark:border-red-900/70 dark:bg-red-950/20"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        if (values.confirmSlug.trim() !== workspaceSlug) {
          setError("confirmSlug", { message: `Type ${workspaceSlug} exactly to confirm.` });
          return;
        }
        deleteWorkspace.mutate(values);
      })}
    >
      <p className="text-sm" data-testid="delete-workspace-warning">
        This permanently deletes <strong className="font-semibold">{workspace.name}</strong>
        {billing ? (
          <>
            {" "}
            and with it{" "}
            {listOf([
              plural(billing.usage.projects, {
                zero: "no projects",
                one: "# project",
                other: "# projects",
              }),
              `the memberships of ${countOf(billing.usage.members - billing.usage.invitations, "member", "members")}`,
              plural(billing.usage.invitations, {
                zero: "no pending invitations",
                one: "# pending invitation",
                other: "# pending invitations",
              }),
            ])}
          </>
        ) : (
          ", its projects, members and invitations"
        )}
        {billing?.subscription && billing.plan.slug !== "free" && (
          <>, and cancels its {billing.plan.name} subscription at once</>
        )}
        . Type <code className="font-mono font-semibold">{workspaceSlug}</code> to confirm.
      </p>
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Workspace slug"
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        error={errors.confirmSlug?.message}
        {...register("confirmSlug")}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          type="submit"
          variant="danger"
          pending={deleteWorkspace.isPending || deleteWorkspace.isSuccess}
          pendingText="Deleting…"
        >
          Delete this workspace
        </Button>
        <Button
          variant="secondary"
          disabled={deleteWorkspace.isPending}
          onClick={() => {
            reset();
            setFormError(null);
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
