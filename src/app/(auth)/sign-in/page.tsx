import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { safeNextPath, SESSION_EXPIRED } from "@/schemas/navigation";
import { getCurrentSession } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next, reason } = await searchParams;
  const nextPath = typeof next === "string" ? safeNextPath(next) : undefined;
  if (await getCurrentSession()) redirect((nextPath ?? "/dashboard") as Route);
  return (
    <>
      <AuthHeading title="Sign in">Welcome back.</AuthHeading>
      {reason === SESSION_EXPIRED && (
        <div className="mb-4">
          <Alert tone="info">Your session expired, sign in to continue.</Alert>
        </div>
      )}
      <SignInForm next={nextPath} />
      <div className="mt-6 space-y-2 text-sm text-zinc-600 dark:text-zinc-400">
        <p>
          <Link href="/forgot-password" className={textLinkClass}>
            Forgot your password?
          </Link>
        </p>
        <p>
          No account yet?{" "}
          <Link href="/sign-up" className={textLinkClass}>
            Create one
          </Link>
        </p>
      </div>
    </>
  );
}
