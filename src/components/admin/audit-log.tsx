"use client";
/**
 * /admin/audit: the audit log across workspaces, newest first, filtered by workspace (found by
 * slug or name), actor (found by email or name) and action (`?workspaceId=&actorId=&action=`: the
 * URL keeps ids, as the detail pages link them), "Load more".
 */
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { UserPicker, WorkspacePicker } from "@/components/admin/entity-picker";
import {
  LoadMore,
  ListStatus,
  nameCellClass,
  PageTitle,
  monoClass,
  tableClass,
  tableWrapClass,
  useUrlParams,
} from "@/components/admin/list-parts";
import { TimeText } from "@/components/ui/date-text";
import { textLinkClass } from "@/components/ui/link";
import { useTRPC } from "@/trpc/client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { auditFiltersFrom, type AuditFilters } from "@/schemas/admin";

export function AuditLog() {
  const trpc = useTRPC();
  const { get, set, navigating } = useUrlParams();
  const filters = auditFiltersFrom(get);
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const list = useInfiniteQuery(
    trpc.admin.auditLog.list.infiniteQueryOptions(filters, {
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
  const entries = list.data?.pages.flatMap((page) => page.items) ?? [];
  const updating = navigating || list.isPlaceholderData;
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-6">
      <PageTitle title="Audit log">Who did what, across every workspace, newest first.</PageTitle>
      <form
        role="search"
        aria-label="Filter the audit log"
        className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          set({
            workspaceId: draft.workspaceId,
            actorId: draft.actorId,
            action: draft.action?.trim() || undefined,
          });
        }}
      >
        <WorkspacePicker
          label="Workspace"
          placeholder="Slug or name"
          value={draft.workspaceId}
          onChange={(workspaceId) => setDraft((d) => ({ ...d, workspaceId }))}
        />
        <UserPicker
          label="Actor"
          placeholder="Email or name"
          value={draft.actorId}
          onChange={(actorId) => setDraft((d) => ({ ...d, actorId }))}
        />
        <TextField
          label="Action"
          placeholder="admin.user_disabled"
          value={draft.action ?? ""}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        />
        <div className="flex gap-2">
          <Button type="submit" pending={navigating} pendingText="Filtering…">
            Filter
          </Button>
          {filtered && (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft({});
                set({ workspaceId: undefined, actorId: undefined, action: undefined });
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>
      <section aria-label="Audit entries" aria-busy={updating} className="space-y-3">
        <ListStatus
          label="Loading the audit log"
          pending={list.isPending}
          error={list.isError && entries.length === 0 ? list.error : null}
          empty={
            entries.length === 0
              ? filtered
                ? "No entry matches these filters."
                : "No audit entries yet."
              : null
          }
          onRetry={() => void list.refetch()}
        >
          <div className={`${tableWrapClass} ${updating ? "opacity-60" : ""}`}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Action</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Workspace</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id} data-testid="audit-row">
                    <td className="whitespace-nowrap">
                      <TimeText date={entry.createdAt} />
                    </td>
                    <td className="font-mono text-xs">{entry.action}</td>
                    <td>
                      <div className={nameCellClass}>
                        {entry.actor ? (
                          <Link href={`/admin/users/${entry.actor.id}`} className={textLinkClass}>
                            {entry.actor.email}
                          </Link>
                        ) : (
                          <span className="text-zinc-600 dark:text-zinc-400">System</span>
                        )}
                      </div>
                    </td>
                    <td>
                      <div className={nameCellClass}>
                        {entry.workspace ? (
                          <Link
                            href={`/admin/workspaces/${entry.workspace.id}`}
                            className={textLinkClass}
                          >
                            {entry.workspace.name}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </div>
                    </td>
                    <td className="max-w-sm">
                      {entry.targetType && (
                        <div className="text-zinc-600 dark:text-zinc-400">
                          {entry.targetType} <span className={monoClass}>{entry.targetId}</span>
                        </div>
                      )}
                      {entry.metadata != null && (
                        <code className={monoClass}>{JSON.stringify(entry.metadata)}</code>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            fetching={list.isFetchingNextPage}
            error={list.isFetchNextPageError ? list.error : null}
            disabled={updating}
            onLoad={() => void list.fetchNextPage()}
          />
        </ListStatus>
      </section>
    </div>
  );
}
