import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token } = await searchParams;
  return (
    <>
      <AuthHeading title="Choose a new password">
        You will be signed out everywhere, then you can sign in with the new password.
      </AuthHeading>
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert>
          This link is incomplete.{" "}
          <Link href="/forgot-password" className={textLinkClass}>
            Ask for a new one
          </Link>
          .
        </Alert>
      )}
    </>
  );
}
