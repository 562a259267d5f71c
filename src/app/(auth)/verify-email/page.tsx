import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { EmailRequestForm } from "@/components/auth/email-request-form";
import { Alert } from "@/components/ui/alert";
import { textLinkClass } from "@/components/ui/link";
import { tokenInput } from "@/schemas/account";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Confirm your email", robots: { index: false } };

/** The state of the link (`account.getVerification`), or why it cannot be used. */
async function linkState(token: string) {
  try {
    return await getQueryClient().fetchQuery({
      ...trpc.account.getVerification.queryOptions({ token }),
      retry: false,
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      return { status: "invalid" } as const;
    }
    if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS") {
      return { status: "rate-limited" } as const;
    }
    throw error;
  }
}

function NewLink() {
  return (
    <details className="mt-6 text-sm">
      <summary className="cursor-pointer font-medium text-zinc-700 dark:text-zinc-300">
        Link expired? Get a new one
      </summary>
      <div className="mt-3">
        <EmailRequestForm purpose="verify" submitLabel="Send a new link" />
      </div>
    </details>
  );
}

/**
 * /verify-email?token=…, the sign-up link. A usable link asks for the sign-up's password, or only
 * for a click in the browser that signed up (mail scanners open links: nothing happens without a
 * submit). A used link says the address is confirmed and offers sign-in.
 */
export default async function VerifyEmailPage({ searchParams }: PageProps<"/verify-email">) {
  const parsed = tokenInput.safeParse({ token: (await searchParams).token });
  if (!parsed.success) {
    return (
      <>
        <AuthHeading title="Confirm your email" />
        <Alert>This link is incomplete. Open the link from the email again.</Alert>
        <NewLink />
      </>
    );
  }
  const state = await linkState(parsed.data.token);
  if (state.status === "used") {
    const signedIn = Boolean(await getCurrentSession());
    return (
      <>
        <AuthHeading title="Email already confirmed">
          This link was already used: your email address is confirmed.
        </AuthHeading>
        <p className="text-sm">
          {signedIn ? (
            <Link href="/dashboard" className={textLinkClass}>
              Go to your dashboard
            </Link>
          ) : (
            <Link href="/sign-in" className={textLinkClass}>
              Sign in to continue
            </Link>
          )}
        </p>
      </>
    );
  }
  if (state.status !== "pending") {
    return (
      <>
        <AuthHeading title="Confirm your email" />
        <Alert>
          {state.status === "rate-limited"
            ? "Too many attempts. Wait a minute, then open the link again."
            : "This link is invalid or has expired. Request a new one."}
        </Alert>
        <NewLink />
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Confirm your email">
        {state.sameBrowser
          ? "You signed up in this browser: confirm, and your account is ready and signed in."
          : "Enter the password you chose when signing up: your account is then ready, and you are signed in."}
      </AuthHeading>
      <VerifyEmailForm token={parsed.data.token} sameBrowser={state.sameBrowser} />
      <NewLink />
    </>
  );
}
