"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { signInInput } from "@/schemas/account";
import { safeNextPath } from "@/schemas/navigation";
import { useTRPC } from "@/trpc/client";

export function SignInForm({ next }: { next?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(signInInput),
    defaultValues: { email: "", password: "" },
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = form;
  const signIn = useMutation(
    trpc.session.signIn.mutationOptions({
      onSuccess: () => {
        router.push(safeNextPath(next) as Route);
        router.refresh();
      },
      onError: (error) => {
        setFormError(applyServerErrors(setError, error, ["email", "password"]));
      },
    }),
  );

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        signIn.mutate(values);
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
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button
        type="submit"
        className="w-full"
        pending={signIn.isPending || signIn.isSuccess}
        pendingText="Signing in…"
      >
        Sign in
      </Button>
    </form>
  );
}
