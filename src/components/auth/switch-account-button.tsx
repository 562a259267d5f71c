"use client";
import { useMutation } from "@tanstack/react-query";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";

/** Signs out, then opens sign-in coming back to `next` (an emailed link: an invitation, an email change). */
export function SwitchAccountButton({ next }: { next: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signOut = useMutation(
    trpc.session.signOut.mutationOptions({
      onSuccess: () => {
        router.push(`/sign-in?next=${encodeURIComponent(next)}` as Route);
        router.refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Button
      variant="secondary"
      className="w-full"
      pending={signOut.isPending || signOut.isSuccess}
      pendingText="Signing out…"
      onClick={() => signOut.mutate()}
    >
      Sign out and switch account
    </Button>
  );
}
