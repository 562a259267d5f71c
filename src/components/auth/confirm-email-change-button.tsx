"use client";
/**
 * The "Confirm" step of an email-change link. It waits for a click: mail scanners open links, and
 * must not spend the token.
 */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";

export function ConfirmEmailChangeButton({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const confirmChange = useMutation(
    trpc.account.confirmEmailChange.mutationOptions({
      onSuccess: ({ email }) => {
        toast.success(`Your email is now ${email}.`);
        router.push("/settings");
        router.refresh();
      },
    }),
  );

  return (
    <div className="space-y-4">
      {confirmChange.isError && <Alert>{errorMessage(confirmChange.error)}</Alert>}
      <Button
        className="w-full"
        pending={confirmChange.isPending || confirmChange.isSuccess}
        pendingText="Confirming…"
        onClick={() => confirmChange.mutate({ token })}
      >
        Confirm new email
      </Button>
    </div>
  );
}
