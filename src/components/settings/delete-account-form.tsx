"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/toast";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { deleteAccountInput } from "@/schemas/account";
import { useTRPC } from "@/trpc/client";

/** Two steps: "Delete account…" opens the confirmation, which asks for the password. */
export function DeleteAccountForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors },
  } = useForm({ resolver: zodResolver(deleteAccountInput), defaultValues: { password: "" } });
  const deleteAccount = useMutation(
    trpc.account.delete.mutationOptions({
      onSuccess: () => {
        toast.success("Your account is deleted.");
        router.push("/");
        router.refresh();
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["password"])),
    }),
  );

  useEffect(() => {
    if (open) setFocus("password");
  }, [open, setFocus]);

  if (!open) {
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete account…
      </Button>
    );
  }

  return (
    <form
      noValidate
      aria-label="Confirm account deletion"
      className="max-w-md space-y-4 rounded-lg border border-red-200 bg-red-50/50 p-4 dark:border-red-900/70 dark:bg-red-950/20"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        deleteAccount.mutate(values);
      })}
    >
      <p className="text-sm">
        This permanently deletes your account and signs you out on every device. Type your password
        to confirm.
      </p>
      {formError && <Alert>{formError}</Alert>}
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <div className="flex flex-wrap gap-3">
        <Button
          type="submit"
          variant="danger"
          pending={deleteAccount.isPending || deleteAccount.isSuccess}
          pendingText="Deleting…"
        >
          Delete my account permanently
        </Button>
        <Button
          variant="secondary"
          disabled={deleteAccount.isPending}
          onClick={() => {
            reset();
            setFormError(null);
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
