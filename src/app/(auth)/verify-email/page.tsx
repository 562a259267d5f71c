import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage({ searchParams }: PageProps<"/verify-email">) {
  const { token } = await searchParams;
  return (
    <>
      <AuthHeading title="Confirm your email">
        Enter the password you chose when signing up: your account is then ready, and you are signed
        in.
      </AuthHeading>
      {typeof token === "string" && token ? (
        <VerifyEmailForm token={token} />
      ) : (
        <Alert>This link is incomplete. Open the link from the email again.</Alert>
      )}
      <details className="mt-6 text-sm">
        <summary className="cursor-pointer font-medium text-zinc-700 dark:text-zinc-300">
          Link expired? Get a new one
        </summary>
        <div className="mt-3">
          <EmailRequestForm purpose="verify" submitLabel="Send a new link" />
        </div>
      </details>
    </>
  );
}
