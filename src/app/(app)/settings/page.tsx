import type { Metadata } from "next";
import { Suspense } from "react";
import { ChangeEmailForm } from "@/components/settings/change-email-form";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { PictureUpload } from "@/components/settings/picture-upload";
import { ProfileForm } from "@/components/settings/profile-form";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { SessionList, SessionListSkeleton } from "@/components/settings/session-list";
import { Section } from "@/components/ui/section";
import { requireUser } from "@/server/auth/session";
import { pictureUrls } from "@/server/services/uploads";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Account settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  prefetch(trpc.session.list.queryOptions());
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Account settings</h1>
      <Section
        id="avatar-heading"
        title="Avatar"
        description="Shown in the menu, in member lists and in emails. Without one, your initials."
      >
        <PictureUpload
          target={{ kind: "avatar" }}
          name={user.name}
          currentUrl={(await pictureUrls(user.avatarKey))?.s256 ?? null}
        />
      </Section>
      <Section id="profile-heading" title="Profile">
        <ProfileForm name={user.name} email={user.email} />
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
