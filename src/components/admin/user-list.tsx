"use client";
/** /admin/users: search (email or name, kept in `?q=`), newest first, "Load more". */
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import {
  LoadMore,
  ListStatus,
  nameCellClass,
  PageTitle,
  SearchBox,
  tableClass,
  tableWrapClass,
  useUrlParams,
} from "@/components/admin/list-parts";
import type { RouterOutputs } from "@/trpc/types";
import { TimeText } from "@/components/ui/date-text";
import { textLinkClass } from "@/components/ui/link";
import { useTRPC } from "@/trpc/client";

type AdminOutputs = RouterOutputs["admin"];
import { Badge } from "@/components/ui/badge";

type UserRow = AdminOutputs["users"]["list"]["items"][number];

export function UserStatusBadges({ user }: { user: Pick<UserRow, "isAdmin" | "disabledAt"> }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {user.isAdmin && <Badge tone="amber">Admin</Badge>}
      {user.disabledAt ? <Badge>Disabled</Badge> : <Badge tone="emerald">Active</Badge>}
    </span>
  );
}

export function UserList() {
  const trpc = useTRPC();
  const { get, navigating } = useUrlParams();
  const q = get("q");
  const list = useInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions(
      { q },
      { getNextPageParam: (last) => last.nextCursor, placeholderData: keepPreviousData },
    ),
  );
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const updating = navigating || list.isPlaceholderData;

  return (
    <div className="space-y-6">
      <PageTitle title="Users">Every account, newest first.</PageTitle>
      <SearchBox label="Search users" hint="Email or name contains (no wildcards)." />
      <section aria-label="Users" aria-busy={updating} className="space-y-3">
        <ListStatus
          label="Loading users"
          pending={list.isPending}
          error={list.isError && users.length === 0 ? list.error : null}
          empty={users.length === 0 ? (q ? `No user matches “${q}”.` : "No users yet.") : null}
          onRetry={() => void list.refetch()}
        >
          <div className={`${tableWrapClass} ${updating ? "opacity-60" : ""}`}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Status</th>
                  <th scope="col">Verified</th>
                  <th scope="col">Signed up</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} data-testid="admin-user-row">
                    <td>
                      <div className={nameCellClass}>
                        <Link href={`/admin/users/${user.id}`} className={textLinkClass}>
                          {user.email}
                        </Link>
                        <div className="text-zinc-600 dark:text-zinc-400">{user.name}</div>
                      </div>
                    </td>
                    <td>
                      <UserStatusBadges user={user} />
                    </td>
                    <td>{user.emailVerifiedAt ? "Yes" : "No"}</td>
                    <td>
                      <TimeText date={user.createdAt} />
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
