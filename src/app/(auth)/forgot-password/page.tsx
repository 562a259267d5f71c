import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { EmailRequestForm } from "@/components/auth/email-request-form";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <AuthHeading title="Forgot your password?">
        Enter your email and we will send you a link to choose a new one.
      </AuthHeading>
      <EmailRequestForm purpose="reset" submitLabel="Send reset link" />
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Remembered it?{" "}
        <Link href="/sign-in" className={textLinkClass}>
          Sign in
        </Link>
      </p>
    </>
  );
}
