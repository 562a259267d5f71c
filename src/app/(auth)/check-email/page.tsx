import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { CheckEmailAddress } from "@/components/auth/check-email-address";
import { EmailRequestForm } from "@/components/auth/email-request-form";

export const metadata: Metadata = { title: "Check your inbox" };

export default async function CheckEmailPage({ searchParams }: PageProps<"/check-email">) {
  const { for: purpose } = await searchParams;
  if (purpose === "reset") {
    return (
      <>
        <AuthHeading title="Check your inbox">
          If an account exists for that address, we sent it a link to choose a new password. The
          link works once and expires soon.
        </AuthHeading>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Nothing arrived? Check your spam folder, or{" "}
          <Link href="/forgot-password" className={textLinkClass}>
            ask for another link
          </Link>
          .
        </p>
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Check your inbox">
        <CheckEmailAddress />
      </AuthHeading>
      <section aria-labelledby="resend-heading" className="space-y-3">
        <h2 id="resend-heading" className="text-sm font-medium">
          Nothing arrived? Check your spam folder or send a new link.
        </h2>
        <EmailRequestForm purpose="verify" submitLabel="Send a new link" />
      </section>
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Already confirmed?{" "}
        <Link href="/sign-in" className={textLinkClass}>
          Sign in
        </Link>
      </p>
    </>
  );
}
