import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Suspense } from "react";
import { ChangeEmailForm } from "@/components/settings/change-email-form";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { SessionList, SessionListSkeleton } from "@/components/settings/session-list";
import { requireUser } from "@/server/auth/session";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Settings" };

function Section({
  id,
  title,
  description,
  tone = "default",
  children,
}: {
  id: string;
  title: string;
  description?: string;
  tone?: "default" | "danger";
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`grid gap-4 rounded-xl border p-5 sm:p-6 md:grid-cols-3 md:gap-8 ${
        tone === "danger"
          ? "border-red-200 dark:border-red-900/70"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <header className="space-y-1">
        <h2
          id={id}
          className={`text-lg font-semibold ${tone === "danger" ? "text-red-700 dark:text-red-400" : ""}`}
        >
          {title}
        </h2>
        {description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </header>
      <div className="min-w-0 md:col-span-2">{children}</div>
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  prefetch(trpc.session.list.queryOptions());
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Settings</h1>
      <Section id="profile-heading" title="Profile">
        <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Name</dt>
          <dd className="break-words">{user.name}</dd>
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">Email</dt>
          <dd className="break-words" data-testid="profile-email">
            {user.email}
          </dd>
        </dl>
      </Section>
      <Section
        id="email-heading"
        title="Change email"
        description="We send a confirmation link to the new address; nothing changes until you open it."
      >
        <ChangeEmailForm />
      </Section>
      <Section
        id="password-heading"
        title="Change password"
        description="Your other devices are signed out; this one stays signed in."
      >
        <ChangePasswordForm />
      </Section>
      <Section
        id="sessions-heading"
        title="Active sessions"
        description="Devices signed in to your account. Revoke any you do not recognise."
      >
        <HydrateClient>
          <Suspense fallback={<SessionListSkeleton />}>
            <SessionList />
          </Suspense>
        </HydrateClient>
      </Section>
      <Section
        id="danger-heading"
        title="Delete account"
        description="Deletes your account and signs you out everywhere. This cannot be undone."
        tone="danger"
      >
        <DeleteAccountForm />
      </Section>
    </div>
  );
}
