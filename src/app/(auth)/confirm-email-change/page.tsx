/**
 * /confirm-email-change?token=…, the link of an email-change email. Only the signed-in account
 * that asked for the change may confirm it, and the page says which account changes (its name,
 * current and new address) before the click: whoever reads the new address cannot be talked into
 * moving it to someone else's account. Signed out, it asks to sign in (coming back here); signed
 * in to another account, it says so and offers to switch.
 */
import { TRPCError } from "@trpc/server";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { ConfirmEmailChangeButton } from "@/components/auth/confirm-email-change-button";
import { SwitchAccountButton } from "@/components/auth/switch-account-button";
import { Alert } from "@/components/ui/alert";
import { tokenInput } from "@/schemas/account";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Confirm your new email", robots: { index: false } };

/** The change behind the link, or why it cannot be shown. */
async function loadEmailChange(token: string) {
  try {
    return {
      change: await getQueryClient().fetchQuery(
        trpc.account.getEmailChange.queryOptions({ token }),
      ),
    };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "FORBIDDEN") return { error: "other-account" as const };
    if (error.code === "TOO_MANY_REQUESTS") return { error: "rate-limited" as const };
    if (error.code === "BAD_REQUEST") return { error: "invalid" as const };
    throw error;
  }
}

export default async function ConfirmEmailChangePage({
  searchParams,
}: PageProps<"/confirm-email-change">) {
  const heading = <AuthHeading title="Confirm your new email" />;
  const parsed = tokenInput.safeParse({ token: (await searchParams).token });
  if (!parsed.success) {
    return (
      <>
        {heading}
        <Alert>This link is incomplete. Open the link from the email again.</Alert>
      </>
    );
  }
  const here = `/confirm-email-change?token=${parsed.data.token}`;
  const current = await getCurrentSession();
  if (!current) {
    return (
      <>
        {heading}
        <p className="text-sm">
          Sign in to the account that asked for this change to see it and confirm it.{" "}
          <Link
            href={`/sign-in?next=${encodeURIComponent(here)}` as Route}
            className={textLinkClass}
          >
            Sign in to confirm
          </Link>
        </p>
      </>
    );
  }
  const result = await loadEmailChange(parsed.data.token);
  if (result.error === "other-account") {
    return (
      <>
        {heading}
        <div className="space-y-4">
          <Alert>
            This link changes the email of another account, not the one you are signed in to (
            <strong className="break-words">{current.user.name}</strong>,{" "}
            <span className="break-words">{current.user.email}</span>). Nothing was changed. If you
            did not ask for this change, ignore the email.
          </Alert>
          <SwitchAccountButton next={here} />
        </div>
      </>
    );
  }
  if (!result.change) {
    return (
      <>
        {heading}
        <Alert>
          {result.error === "rate-limited"
            ? "Too many attempts. Wait a minute, then open the link again."
            : "This link is invalid or has expired. Request a new one from your settings."}
        </Alert>
      </>
    );
  }
  const { name, email, newEmail } = result.change;
  return (
    <>
      {heading}
      <p className="mb-6 text-sm" data-testid="email-change-summary">
        This will change the email of <strong className="break-words">{name}</strong> (
        <span className="break-words">{email}</span>) to{" "}
        <strong className="break-words">{newEmail}</strong>. The account will use the new address
        from now on, to sign in and for our emails.
      </p>
      <ConfirmEmailChangeButton token={parsed.data.token} />
    </>
  );
}
