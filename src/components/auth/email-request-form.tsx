"use client";
/**
 * One email field that asks the server to send a link: a new verification link
 * (`account.resendVerification`) or a password reset link (`account.requestPasswordReset`).
 * The answer never says whether the address has an account.
 */
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
import { emailInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

export function EmailRequestForm({
  purpose,
  submitLabel,
  pendingLabel = "Sending…",
}: {
  purpose: "reset" | "verify";
  submitLabel: string;
  pendingLabel?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm({ resolver: zodResolver(emailInput), defaultValues: { email: "" } });
  const onError = (error: unknown) => setFormError(applyServerErrors(setError, error, ["email"]));
  const requestReset = useMutation(
    trpc.account.requestPasswordReset.mutationOptions({
      onSuccess: () => router.push("/check-email?for=reset"),
      onError,
    }),
  );
  const resend = useMutation(
    trpc.account.resendVerification.mutationOptions({
      onSuccess: () => {
        reset();
        toast.success("If that address is waiting for verification, a new link is on its way.");
      },
      onError,
    }),
  );
  const mutation = purpose === "reset" ? requestReset : resend;

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        mutation.mutate(values);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <Button
        type="submit"
        variant={purpose === "reset" ? "primary" : "secondary"}
        className="w-full"
        pending={mutation.isPending}
        pendingText={pendingLabel}
      >
        {submitLabel}
      </Button>
    </form>
  );
}
