/**
 * Types and small helpers shared by the workspace components. Output types come from `AppRouter`
 * by inference, like every other tRPC type in the browser.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/schemas/constants";
import type { AppRouter } from "@/server/api/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type WorkspaceDetails = RouterOutputs["workspace"]["get"];
export type WorkspaceSummary = RouterOutputs["workspace"]["list"][number];
export type Member = RouterOutputs["member"]["list"][number];
export type Invitation = RouterOutputs["invitation"]["list"][number];
export type MyInvitation = RouterOutputs["invitation"]["listMine"][number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
};

/** The label of a role; tolerant of a plain string (some outputs type `role` as string). */
export function roleLabel(role: string): string {
  return role in roleLabels ? roleLabels[role as Role] : role;
}

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={role === "owner" ? "amber" : role === "admin" ? "indigo" : "neutral"}>
      {roleLabels[role]}
    </Badge>
  );
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** "Mar 4, 2026", the same on the server and in the browser (UTC). */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** A <time> showing `formatDate`. */
export function DateText({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {formatDate(date)}
    </time>
  );
}

export const textLinkClass =
  "font-medium text-indigo-600 underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:text-indigo-400";

/** A grey placeholder block while a list loads. */
export function ListSkeleton({ label, rows = 2 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" aria-label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-14 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" />
      ))}
    </div>
  );
}

/** A dashed box saying a list is empty, with an optional action. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
      {children}
    </div>
  );
}
