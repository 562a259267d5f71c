"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { saveSignUp } from "@/components/auth/sign-up-handoff";
import { signUpInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

/**
 * The sign-up form. From an invitation link (`invitation`), the invited address is filled in and
 * the invitation's page is where the user lands once the address is confirmed (in this tab).
 */
export function SignUpForm({ invitation }: { invitation?: { token: string; email: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(signUpInput),
    defaultValues: {
      name: "",
      email: invitation?.email ?? "",
      password: "",
      invitationToken: invitation?.token,
    },
  });
  const signUp = useMutation(
    trpc.account.signUp.mutationOptions({
      onSuccess: (_data, { email }) => {
        saveSignUp({
          email: email.trim().toLowerCase(),
          next: invitation ? `/invite?token=${encodeURIComponent(invitation.token)}` : undefined,
        });
        router.push("/check-email");
      },
      onError: (error) => {
        setFormError(applyServerErrors(setError, error, ["name", "email", "password"]));
      },
    }),
  );

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        signUp.mutate(values);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Name"
        autoComplete="name"
        error={errors.name?.message}
        {...register("name")}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        error={errors.password?.message}
        {...register("password")}
      />
      <Button
        type="submit"
        className="w-full"
        pending={signUp.isPending || signUp.isSuccess}
        pendingText="Creating your account…"
      >
        Create account
      </Button>
    </form>
  );
}
