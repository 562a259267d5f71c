import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getCurrentSession()) redirect("/dashboard");
  return (
    <>
      <AuthHeading title="Create your account">
        Start free. We will email you a link to confirm your address.
      </AuthHeading>
      <SignUpForm />
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href="/sign-in" className={textLinkClass}>
          Sign in
        </Link>
      </p>
    </>
  );
}
