"use client";
/** /admin/workspaces/[id]: members with roles, plan, the Subscription row and project count. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/admin/list-parts";
import { TimeText } from "@/components/ui/date-text";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/skeleton";
import { RoleBadge } from "@/components/workspace/roles";
import { textLinkClass } from "@/components/ui/link";
import { useTRPC } from "@/trpc/client";
import { PlanBadge } from "@/components/admin/workspace-list";
import { errorMessage } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="wrap-anywhere">{children}</dd>
    </div>
  );
}

export function WorkspaceDetail({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.admin.workspaces.get.queryOptions({ workspaceId }));

  if (workspace.isPending) return <ListSkeleton label="Loading the workspace" rows={3} />;
  if (workspace.isError) {
    return (
      <div className="space-y-3">
        <Alert>{errorMessage(workspace.error)}</Alert>
        <Button variant="secondary" onClick={() => void workspace.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const w = workspace.data;
  const sub = w.subscription;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/workspaces" className={textLinkClass}>
          ← Workspaces
        </Link>
      </p>
      <PageTitle title={w.name}>/w/{w.slug}</PageTitle>

      <Section id="overview" title="Overview" layout="stacked">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <Fact label="Plan">
            <PlanBadge plan={w.plan} />
          </Fact>
          <Fact label="Projects">{w.projectCount}</Fact>
          <Fact label="Members">{w.members.length}</Fact>
          <Fact label="Created">
            <TimeText date={w.createdAt} />
          </Fact>
          <Fact label="Stripe customer">
            <span className="font-mono text-xs">{w.stripeCustomerId ?? "—"}</span>
          </Fact>
          <Fact label="Workspace id">
            <span className="font-mono text-xs">{w.id}</span>
          </Fact>
        </dl>
        <p className="mt-3 text-sm">
          <Link href={`/admin/audit?workspaceId=${w.id}`} className={textLinkClass}>
            Audit log of this workspace
          </Link>
        </p>
      </Section>

      <Section id="subscription" title="Subscription" layout="stacked">
        {sub ? (
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            <Fact label="Status">{sub.status}</Fact>
            <Fact label="Plan (Stripe price)">
              {sub.planSlug ?? "unknown"} ·{" "}
              <span className="font-mono text-xs">{sub.stripePriceId}</span>
            </Fact>
            <Fact label="Interval · seats">
              {sub.interval} · {sub.quantity}
            </Fact>
            <Fact label="Current period ends">
              <TimeText date={sub.currentPeriodEnd} />
            </Fact>
            <Fact label="Cancels">
              {sub.cancelAtPeriodEnd ? "At period end" : <TimeText date={sub.cancelAt} />}
            </Fact>
            <Fact label="Trial ends">
              <TimeText date={sub.trialEnd} />
            </Fact>
            <Fact label="Stripe subscription">
              <span className="font-mono text-xs">{sub.stripeSubscriptionId}</span>
            </Fact>
            <Fact label="Last synced">
              <TimeText date={sub.syncedAt} />
            </Fact>
          </dl>
        ) : (
          <EmptyState>Never subscribed (Free plan).</EmptyState>
        )}
      </Section>

      <Section id="members" title="Members" layout="stacked">
        <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          {w.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span className="min-w-0 wrap-anywhere">
                <Link href={`/admin/users/${m.id}`} className={textLinkClass}>
                  {m.name}
                </Link>{" "}
                <span className="text-zinc-600 dark:text-zinc-400">{m.email}</span>
              </span>
              <span className="flex items-center gap-2">
                {m.disabledAt && <Badge>Disabled</Badge>}
                <RoleBadge role={m.role} />
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
