"use client";
/**
 * Confirms a sign-up: the emailed token plus the password chosen at that sign-up (a forwarded or
 * leaked link alone does not open the account), or, in the browser that signed up
 * (`sameBrowser`), the token alone. Waits for a submit: mail scanners open links and must not
 * spend the token. Then opens the page the sign-up asked for (its invitation), else the dashboard.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { clearSignUp, readSignUp } from "@/components/auth/sign-up-handoff";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { verifyEmailInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

export function VerifyEmailForm({ token, sameBrowser }: { token: string; sameBrowser: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(verifyEmailInput),
    // Without a password field the input has none (undefined), which the schema allows.
    defaultValues: { token, password: sameBrowser ? undefined : "" },
  });
  const verify = useMutation(
    trpc.account.verifyEmail.mutationOptions({
      onSuccess: ({ invitationPending }) => {
        const next = readSignUp()?.next;
        clearSignUp();
        toast.success("Email verified. Welcome!");
        router.push((invitationPending && next ? next : "/dashboard") as Route);
        router.refresh();
      },
      // Without a password field, a password error is a form-level message.
      onError: (error) =>
        setFormError(applyServerErrors(setError, error, sameBrowser ? [] : ["password"])),
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
          verify.mutate(values);
        },
        () => setFormError(null),
      )}
    >
      {message && <Alert>{message}</Alert>}
      <input type="hidden" {...register("token")} />
      {sameBrowser ? null : (
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          hint="The password you chose when signing up."
          error={errors.password?.message}
          {...register("password")}
        />
      )}
      <Button
        type="submit"
        className="w-full"
        pending={verify.isPending || verify.isSuccess}
        pendingText="Confirming…"
      >
        Confirm my email
      </Button>
    </form>
  );
}
