/**
 * /invite?token=…, the link of an invitation email. Public: it shows the invitation to anyone
 * holding the link, then, depending on who is signed in, Accept, a "wrong account" message, or
 * links to sign in (coming back here) or create an account (with the invited address filled in,
 * coming back here once it is confirmed). The invitee may also decline.
 */
import { TRPCError } from "@trpc/server";
import type { Metadata, Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { AcceptInvitationButton } from "@/components/workspace/accept-invitation-button";
import { formatDate } from "@/components/ui/date-text";
import { roleLabel } from "@/components/workspace/roles";
import { SwitchAccountButton } from "@/components/auth/switch-account-button";
import { invitationTokenInput } from "@/schemas/workspace";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

const buttonLinkClass =
  "inline-flex min-h-10 w-full items-center justify-center rounded-md px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

function Unusable({ children }: { children: ReactNode }) {
  return (
    <>
      <AuthHeading title="Invitation unavailable" />
      <Alert>{children}</Alert>
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Ask the person who invited you to send a new invitation.{" "}
        <Link href="/dashboard" className={textLinkClass}>
          Go to your dashboard
        </Link>
      </p>
    </>
  );
}

async function loadInvitation(token: string) {
  try {
    return {
      invitation: await getQueryClient().fetchQuery(trpc.invitation.get.queryOptions({ token })),
    };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST")
      return { error: "invalid" as const };
    if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS")
      return { error: "rate-limited" as const };
    throw error;
  }
}

export default async function InvitePage({ searchParams }: PageProps<"/invite">) {
  const parsed = invitationTokenInput.safeParse({ token: (await searchParams).token });
  if (!parsed.success) {
    return <Unusable>This invitation link is incomplete or invalid.</Unusable>;
  }
  const { token } = parsed.data;
  const result = await loadInvitation(token);
  if (result.error === "rate-limited") {
    return <Unusable>Too many attempts. Wait a minute, then open the link again.</Unusable>;
  }
  if (!result.invitation) {
    return (
      <Unusable>
        This invitation has expired, was already used or was replaced by a newer one.
      </Unusable>
    );
  }
  const { invitation } = result;
  const current = await getCurrentSession();
  const here = `/invite?token=${token}`;
  const isInvitee = current?.user.email.toLowerCase() === invitation.email.toLowerCase();

  return (
    <>
      <AuthHeading title={`Join ${invitation.workspaceName}`}>
        {invitation.inviterName} invited you to work together.
      </AuthHeading>
      <dl
        className="mb-6 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
        aria-label="Invitation"
      >
        <dt className="text-zinc-600 dark:text-zinc-400">Workspace</dt>
        <dd className="min-w-0 font-medium wrap-anywhere" data-testid="invite-workspace">
          {invitation.workspaceName}
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Invited by</dt>
        <dd className="min-w-0 wrap-anywhere">{invitation.inviterName}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Role</dt>
        <dd>{roleLabel(invitation.role)}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">For</dt>
        <dd className="min-w-0 wrap-anywhere" data-testid="invite-email">
          {invitation.email}
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Expires</dt>
        <dd>
          <time dateTime={invitation.expiresAt.toISOString()}>
            {formatDate(invitation.expiresAt)}
          </time>
        </dd>
      </dl>
      {isInvitee ? (
        <AcceptInvitationButton
          invitationId={invitation.id}
          workspaceName={invitation.workspaceName}
        />
      ) : current ? (
        <div className="space-y-4">
          <Alert tone="info">
            This invitation is for <strong className="break-words">{invitation.email}</strong>, but
            you are signed in as <strong className="break-words">{current.user.email}</strong>. Sign
            in as {invitation.email} to accept it.
          </Alert>
          <SwitchAccountButton next={here} />
          <p className="text-sm">
            <Link href="/dashboard" className={textLinkClass}>
              Back to your dashboard
            </Link>
          </p>
        </div>
      ) : (
        <div className="space-y-3">
          <Link
            href={`/sign-in?next=${encodeURIComponent(here)}` as Route}
            className={`${buttonLinkClass} bg-indigo-600 text-white hover:bg-indigo-500`}
          >
            Sign in to accept
          </Link>
          <Link
            href={`/sign-up?invitation=${encodeURIComponent(token)}` as Route}
            className={`${buttonLinkClass} border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800`}
          >
            Create an account
          </Link>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            New here? Create an account with {invitation.email}; once your email is confirmed, you
            come back here to accept or decline.
          </p>
        </div>
      )}
    </>
  );
}
