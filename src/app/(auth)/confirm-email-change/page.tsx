import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { ConfirmEmailChangeButton } from "@/components/auth/confirm-email-change-button";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Confirm your new email" };

export default async function ConfirmEmailChangePage({
  searchParams,
}: PageProps<"/confirm-email-change">) {
  const { token } = await searchParams;
  return (
    <>
      <AuthHeading title="Confirm your new email">
        Your account will use this address from now on, to sign in and for our emails.
      </AuthHeading>
      {typeof token === "string" && token ? (
        <ConfirmEmailChangeButton token={token} />
      ) : (
        <Alert>This link is incomplete. Open the link from the email again.</Alert>
      )}
    </>
  );
}
