"use client";
/**
 * /admin/users/[id]: a user's profile, workspaces and sessions, with "Disable user" / "Enable
 * user" and "Sign out everywhere", each confirmed in a dialog and reported in a toast.
 */
import { countOf } from "@/components/format/plural";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/toast";
import { UserStatusBadges } from "@/components/admin/user-list";
import { PageTitle } from "@/components/admin/list-parts";
import { TimeText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { RoleBadge } from "@/components/workspace/roles";
import { textLinkClass } from "@/components/ui/link";
import { useTRPC } from "@/trpc/client";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Section } from "@/components/ui/section";

type Dialog = "disable" | "enable" | "signOut" | null;

export function UserDetail({ userId, selfId }: { userId: string; selfId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useQuery(trpc.admin.users.get.queryOptions({ userId }));
  const [dialog, setDialog] = useState<Dialog>(null);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.admin.users.get.queryKey({ userId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.admin.auditLog.list.pathKey() }),
    ]);
  };
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const disable = useMutation(
    trpc.admin.users.disable.mutationOptions({
      onSuccess: async ({ sessionsRevoked }) => {
        toast.success(`User disabled; ${countOf(sessionsRevoked, "session", "sessions")} ended.`);
        setDialog(null);
        await refresh();
      },
      onError,
    }),
  );
  const enable = useMutation(
    trpc.admin.users.enable.mutationOptions({
      onSuccess: async () => {
        toast.success("User enabled: they can sign in again.");
        setDialog(null);
        await refresh();
      },
      onError,
    }),
  );
  const signOut = useMutation(
    trpc.admin.users.signOut.mutationOptions({
      onSuccess: async ({ sessionsRevoked }) => {
        toast.success(
          `Signed out everywhere: ${countOf(sessionsRevoked, "session", "sessions")} ended.`,
        );
        setDialog(null);
        await refresh();
      },
      onError,
    }),
  );

  if (user.isPending) return <ListSkeleton label="Loading the user" rows={3} />;
  if (user.isError) {
    return (
      <div className="space-y-3">
        <Alert>{errorMessage(user.error)}</Alert>
        <Button variant="secondary" onClick={() => void user.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const u = user.data;
  const self = u.id === selfId;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/users" className={textLinkClass}>
          ← Users
        </Link>
      </p>
      <PageTitle title={u.name}>{u.email}</PageTitle>

      <Section id="profile" title="Profile" layout="stacked">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
            <dd>
              <UserStatusBadges user={u} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">User id</dt>
            <dd className="font-mono text-xs break-all">{u.id}</dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Email verified</dt>
            <dd>
              <TimeText date={u.emailVerifiedAt} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Signed up</dt>
            <dd>
              <TimeText date={u.createdAt} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Disabled</dt>
            <dd>
              <TimeText date={u.disabledAt} />
            </dd>
          </div>
          <div>
            <dt className="text-zinc-600 dark:text-zinc-400">Active sessions</dt>
            <dd data-testid="active-sessions">{u.activeSessions}</dd>
          </div>
        </dl>
      </Section>

      <Section id="workspaces" title="Workspaces" layout="stacked">
        {u.memberships.length === 0 ? (
          <EmptyState>Not a member of any workspace.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {u.memberships.map((m) => (
              <li key={m.workspace.id} className="flex items-center justify-between gap-3 py-2">
                <Link
                  href={`/admin/workspaces/${m.workspace.id}`}
                  className={`min-w-0 wrap-anywhere ${textLinkClass}`}
                >
                  {m.workspace.name}
                </Link>
                <span className="flex min-w-0 items-center gap-2">
                  <span className="min-w-0 wrap-anywhere text-zinc-600 dark:text-zinc-400">
                    /w/{m.workspace.slug}
                  </span>
                  <RoleBadge role={m.role} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="actions" title="Actions" layout="stacked" tone="danger">
        <div className="flex flex-wrap gap-3">
          {u.disabledAt ? (
            <Button variant="primary" onClick={() => setDialog("enable")}>
              Enable user
            </Button>
          ) : (
            <Button
              variant="danger"
              disabled={self}
              title={self ? "You cannot disable your own account." : undefined}
              onClick={() => setDialog("disable")}
            >
              Disable user
            </Button>
          )}
          <Button variant="secondary" onClick={() => setDialog("signOut")}>
            Sign out everywhere
          </Button>
        </div>
        {self && (
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            This is your account: you cannot disable it.
          </p>
        )}
      </Section>

      <ConfirmDialog
        open={dialog === "disable"}
        title={`Disable ${u.email}?`}
        confirmLabel="Disable user"
        pendingLabel="Disabling…"
        pending={disable.isPending}
        onConfirm={() => disable.mutate({ userId })}
        onClose={() => setDialog(null)}
      >
        They are signed out of every device at once and cannot sign in until enabled again.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "enable"}
        title={`Enable ${u.email}?`}
        confirmLabel="Enable user"
        pendingLabel="Enabling…"
        tone="primary"
        pending={enable.isPending}
        onConfirm={() => enable.mutate({ userId })}
        onClose={() => setDialog(null)}
      >
        They can sign in again with their password.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "signOut"}
        title={`Sign ${u.email} out everywhere?`}
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        pending={signOut.isPending}
        onConfirm={() => signOut.mutate({ userId })}
        onClose={() => setDialog(null)}
      >
        Every session of this user ends now; they can sign in again.
      </ConfirmDialog>
    </div>
  );
}
