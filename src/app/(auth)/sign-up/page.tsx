import type { Metadata, Route } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-heading";
import { textLinkClass } from "@/components/ui/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { invitationTokenInput } from "@/schemas/workspace";
import { getCurrentSession } from "@/server/auth/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Create your account" };

/** The invitation of `/sign-up?invitation=<token>`, or null when absent, invalid or expired. */
async function invitationOf(token: unknown) {
  const parsed = invitationTokenInput.safeParse({ token });
  if (!parsed.success) return null;
  try {
    const invitation = await getQueryClient().fetchQuery({
      ...trpc.invitation.get.queryOptions({ token: parsed.data.token }),
      retry: false,
    });
    return { ...invitation, token: parsed.data.token };
  } catch {
    return null; // The form then works as a plain sign-up.
  }
}

/**
 * Sign-up. From an invitation (`?invitation=<token>`, the invitation page's "Create an account"),
 * it names the workspace, fills in the invited address and, once the address is confirmed, goes
 * back to the invitation; no personal workspace is made then.
 */
export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const { invitation: token } = await searchParams;
  const invitation = await invitationOf(token);
  if (await getCurrentSession()) {
    redirect((invitation ? `/invite?token=${invitation.token}` : "/dashboard") as Route);
  }
  const signIn = invitation
    ? (`/sign-in?next=${encodeURIComponent(`/invite?token=${invitation.token}`)}` as Route)
    : "/sign-in";
  return (
    <>
      {invitation ? (
        <AuthHeading title={`Join ${invitation.workspaceName}`}>
          Create your account with {invitation.email} to accept {invitation.inviterName}&apos;s
          invitation. We will email you a link to confirm your address.
        </AuthHeading>
      ) : (
        <AuthHeading title="Create your account">
          Start free. We will email you a link to confirm your address.
        </AuthHeading>
      )}
      <SignUpForm
        invitation={invitation ? { token: invitation.token, email: invitation.email } : undefined}
      />
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link href={signIn} className={textLinkClass}>
          Sign in
        </Link>
      </p>
    </>
  );
}
