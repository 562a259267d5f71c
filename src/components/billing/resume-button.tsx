"use client";
/**
 * "Resume subscription": withdraws a scheduled cancellation (`billing.resumeSubscription`), so the
 * plan renews at the period's end again. Shown in the billing banner and on the billing page to
 * those who may manage billing.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";

export function ResumeSubscriptionButton({
  slug,
  planName,
  variant = "primary",
}: {
  slug: string;
  planName: string;
  variant?: "primary" | "secondary";
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resume = useMutation(
    trpc.billing.resumeSubscription.mutationOptions({
      onSuccess: () => toast.success(`Your ${planName} plan will renew.`),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.billing.subscription.pathFilter()),
          queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
          queryClient.invalidateQueries(trpc.activity.pathFilter()),
        ]),
    }),
  );
  return (
    <Button
      variant={variant}
      pending={resume.isPending}
      pendingText="Resuming…"
      onClick={() => resume.mutate({ workspaceSlug: slug })}
    >
      Resume subscription
    </Button>
  );
}
