"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { resetPasswordInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(resetPasswordInput),
    defaultValues: { token, password: "" },
  });
  const resetPassword = useMutation(
    trpc.account.resetPassword.mutationOptions({
      onSuccess: () => {
        toast.success("Password changed. Sign in with your new password.");
        router.push("/sign-in");
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["password"])),
    }),
  );
  // The token has no input of its own: a bad link is a form-level message.
  const message = formError ?? errors.token?.message;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          resetPassword.mutate(values);
        },
        () => setFormError(null),
      )}
    >
      {message && <Alert>{message}</Alert>}
      <input type="hidden" {...register("token")} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.password?.message}
        {...register("password")}
      />
      <Button
        type="submit"
        className="w-full"
        pending={resetPassword.isPending || resetPassword.isSuccess}
        pendingText="Saving…"
      >
        Set new password
      </Button>
    </form>
  );
}
