"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { UpgradePrompt, upgradeHintOf } from "@/components/billing/upgrade-prompt";
import { applyServerErrors, errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select";
import { roleLabels } from "@/components/workspace/roles";
import { assignableRoles, createInvitationInput } from "@/schemas/workspace";
import { useTRPC } from "@/trpc/client";

/** Invites someone by email (owners and admins: "members:invite"). */
export function InviteForm({
  workspaceSlug,
  canManageBilling,
}: {
  workspaceSlug: string;
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
    resolver: zodResolver(createInvitationInput),
    defaultValues: { workspaceSlug, email: "", role: "member" as const },
  });
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: (_data, { email }) => {
        reset({ workspaceSlug, email: "", role: "member" });
        toast.success(`Invitation sent to ${email}.`);
        return queryClient.invalidateQueries({
          queryKey: trpc.invitation.list.queryKey({ workspaceSlug }),
        });
      },
      onError: (error) => {
        if (upgradeHintOf(error)) return setUpgrade(errorMessage(error));
        setFormError(applyServerErrors(setError, error, ["email", "role"]));
      },
    }),
  );

  return (
    <form
      noValidate
      aria-label="Invite a member"
      className="space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        setUpgrade(null);
        invite.mutate(values);
      })}
    >
      {upgrade && (
        <UpgradePrompt
          workspaceSlug={workspaceSlug}
          message={upgrade}
          canManageBilling={canManageBilling}
        />
      )}
      {formError && <Alert>{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          inputMode="email"
          placeholder="colleague@example.com"
          error={errors.email?.message}
          {...register("email")}
        />
        <SelectField label="Role" error={errors.role?.message} {...register("role")}>
          {assignableRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Admins can invite and manage members; members use the workspace. The emailed link works
        until it expires or you resend or revoke the invitation.
      </p>
      <Button type="submit" pending={invite.isPending} pendingText="Sending invitation…">
        Send invitation
      </Button>
    </form>
  );
}
