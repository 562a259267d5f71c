"use client";
import { plural } from "@/components/format/plural";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { changePasswordInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const changePassword = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: ({ revokedSessions }) => {
        reset();
        toast.success(
          revokedSessions > 0
            ? `Password changed. ${plural(revokedSessions, { one: "# other session was", other: "# other sessions were" })} signed out.`
            : "Password changed.",
        );
        void queryClient.invalidateQueries({ queryKey: trpc.session.list.queryKey() });
      },
      onError: (error) =>
        setFormError(applyServerErrors(setError, error, ["currentPassword", "newPassword"])),
    }),
  );

  return (
    <form
      noValidate
      className="max-w-md space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        changePassword.mutate(values);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...register("currentPassword")}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.newPassword?.message}
        {...register("newPassword")}
      />
      <Button type="submit" pending={changePassword.isPending} pendingText="Changing password…">
        Change password
      </Button>
    </form>
  );
}
