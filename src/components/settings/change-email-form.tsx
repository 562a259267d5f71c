"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { requestEmailChangeInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

export function ChangeEmailForm() {
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(requestEmailChangeInput),
    defaultValues: { newEmail: "", password: "" },
  });
  const requestChange = useMutation(
    trpc.account.requestEmailChange.mutationOptions({
      onSuccess: (_data, { newEmail }) => {
        reset();
        setSentTo(newEmail);
        toast.success("Check your new inbox to confirm the change.");
      },
      onError: (error) =>
        setFormError(applyServerErrors(setError, error, ["newEmail", "password"])),
    }),
  );

  return (
    <form
      noValidate
      className="max-w-md space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        setSentTo(null);
        requestChange.mutate(values);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      {sentTo && (
        <Alert tone="success">
          We sent a confirmation link to {sentTo}. Your email changes when you open it.
        </Alert>
      )}
      <TextField
        label="New email"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.newEmail?.message}
        {...register("newEmail")}
      />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" pending={requestChange.isPending} pendingText="Sending link…">
        Change email
      </Button>
    </form>
  );
}
