"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField } from "@/components/ui/select";
import { EmptyState } from "@/components/ui/empty-state";
import { roleLabels } from "@/components/workspace/roles";
import { textLinkClass } from "@/components/ui/link";
import type { WorkspaceDetails } from "@/components/workspace/types";
import { transferOwnershipInput } from "@/schemas/workspace";
import { useTRPC } from "@/trpc/client";

/** The owner hands the workspace to another member, after a confirmation; they become admin. */
export function TransferOwnershipForm({ workspace }: { workspace: WorkspaceDetails }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const workspaceSlug = workspace.slug;
  const { data: members } = useSuspenseQuery(trpc.member.list.queryOptions({ workspaceSlug }));
  const candidates = members.filter((m) => m.role !== "owner");
  const [formError, setFormError] = useState<string | null>(null);
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(transferOwnershipInput),
    defaultValues: { workspaceSlug, userId: "" },
  });
  const transfer = useMutation(
    trpc.workspace.transferOwnership.mutationOptions({
      onSuccess: () => {
        const newOwner = members.find((m) => m.userId === pendingUserId);
        setPendingUserId(null);
        toast.success(
          `${newOwner?.name ?? "They"} now own${newOwner ? "s" : ""} ${workspace.name}. You are an admin.`,
        );
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.list.queryKey() });
        void queryClient.invalidateQueries({
          queryKey: trpc.member.list.queryKey({ workspaceSlug }),
        });
        void queryClient.invalidateQueries({
          queryKey: trpc.workspace.get.queryKey({ workspaceSlug }),
        });
        router.refresh();
      },
      onError: (error) => {
        setPendingUserId(null);
        setFormError(applyServerErrors(setError, error, ["userId"]));
      },
    }),
  );

  if (candidates.length === 0) {
    return (
      <EmptyState>
        Ownership can only go to a member of this workspace.{" "}
        <Link href={`/w/${workspaceSlug}/members` as Route} className={textLinkClass}>
          Invite someone
        </Link>{" "}
        first.
      </EmptyState>
    );
  }

  const chosen = members.find((m) => m.userId === pendingUserId);
  return (
    <form
      noValidate
      aria-label="Transfer ownership"
      className="max-w-md space-y-4"
      onSubmit={handleSubmit(({ userId }) => {
        setFormError(null);
        setPendingUserId(userId);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <SelectField label="New owner" error={errors.userId?.message} {...register("userId")}>
        <option value="">Choose a member…</option>
        {candidates.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name} ({member.email}) · {roleLabels[member.role]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={transfer.isPending}>
        Transfer ownership…
      </Button>
      <ConfirmDialog
        open={pendingUserId !== null}
        title={`Make ${chosen?.name ?? "this member"} the owner?`}
        confirmLabel="Transfer ownership"
        pendingLabel="Transferring…"
        pending={transfer.isPending}
        onClose={() => setPendingUserId(null)}
        onConfirm={() => {
          if (pendingUserId) transfer.mutate({ workspaceSlug, userId: pendingUserId });
        }}
      >
        {chosen?.name ?? "They"} gets every right on {workspace.name}, including deleting it. You
        stay in the workspace as an admin.
      </ConfirmDialog>
    </form>
  );
}
