"use client";
/**
 * Settings' profile: the name is editable (`account.updateProfile`), the email is shown and
 * changed by its own form below (it needs a confirmation link). After a save the server-rendered
 * shell (user menu) is refreshed so it shows the new name.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { updateProfileInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty },
  } = useForm({ resolver: zodResolver(updateProfileInput), defaultValues: { name } });
  const updateProfile = useMutation(
    trpc.account.updateProfile.mutationOptions({
      onSuccess: (saved) => {
        reset({ name: saved.name });
        toast.success("Your name is saved.");
        void queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() });
        router.refresh();
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["name"])),
    }),
  );

  return (
    <form
      noValidate
      aria-label="Profile"
      className="max-w-md space-y-4"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        updateProfile.mutate(values);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Name"
        autoComplete="name"
        maxLength={100}
        hint="Shown to your teammates and in emails."
        error={errors.name?.message}
        {...register("name")}
      />
      <div className="space-y-1.5 text-sm">
        <p className="font-medium">Email</p>
        <p className="wrap-anywhere text-zinc-700 dark:text-zinc-300" data-testid="profile-email">
          {email}
        </p>
      </div>
      <Button
        type="submit"
        disabled={!isDirty}
        pending={updateProfile.isPending}
        pendingText="Saving…"
      >
        Save name
      </Button>
    </form>
  );
}
