"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/client";

export function SignOutButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const signOut = useMutation(
    trpc.session.signOut.mutationOptions({
      onSuccess: () => {
        toast.success("You are signed out.");
        router.push("/");
        router.refresh();
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  return (
    <Button
      variant="secondary"
      pending={signOut.isPending || signOut.isSuccess}
      pendingText="Signing out…"
      onClick={() => signOut.mutate()}
    >
      Sign out
    </Button>
  );
}
