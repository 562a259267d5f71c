"use client";
/**
 * The header's workspace switcher: a disclosure button opening a list of the user's workspaces
 * (`workspace.list`, prefetched by the app layout), the current one (from the URL) marked, and
 * "Create workspace". Escape, a click outside or following a link closes it.
 */
import { useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Avatar } from "@/components/ui/avatar";
import { useEffect, useId, useRef, useState } from "react";
import { RoleBadge } from "@/components/workspace/roles";
import { useTRPC } from "@/trpc/client";

/** The workspace slug of `/w/<slug>/…`, if any ("new" is the create page). */
export function slugFromPathname(pathname: string): string | undefined {
  const slug = /^\/w\/([^/]+)/.exec(pathname)?.[1];
  return slug && slug !== "new" ? decodeURIComponent(slug) : undefined;
}

const itemClass =
  "flex min-h-10 items-center justify-between gap-3 rounded-md px-3 py-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-600 dark:hover:bg-zinc-800";

export function WorkspaceSwitcher() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const currentSlug = slugFromPathname(pathname);
  const { data: workspaces, isError } = useQuery(trpc.workspace.list.queryOptions());
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const current = workspaces?.find((w) => w.slug === currentSlug);
  const close = () => setOpen(false);

  return (
    <div
      ref={containerRef}
      className="relative"
      data-testid="workspace-switcher"
      onBlur={(event) => {
        // Tabbing out of the panel closes it.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-10 max-w-[9.5rem] items-center gap-2 rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 sm:max-w-[16rem] dark:border-zinc-700 dark:hover:bg-zinc-900"
      >
        <span className="sr-only">Switch workspace, current: </span>
        {current?.logoUrl && <Avatar name={current.name} src={current.logoUrl} size="xs" square />}
        <span className="truncate" title={current?.name}>
          {current?.name ?? "Workspaces"}
        </span>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="currentColor"
          className={`size-4 shrink-0 text-zinc-500 transition-transform ${open ? "rotate-180" : ""}`}
        >
          <path
            fillRule="evenodd"
            d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      {/* On phones the panel spans the screen under the top bar: hung off the button, 18rem wide,
          it stuck out past the right edge and the page scrolled sideways. */}
      <div
        id={panelId}
        hidden={!open}
        className="fixed inset-x-4 top-16 z-20 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg md:absolute md:inset-x-auto md:top-auto md:left-0 md:mt-2 md:w-72 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <nav aria-label="Workspaces">
          {workspaces === undefined ? (
            <p className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400">
              {isError ? "Could not load your workspaces." : "Loading…"}
            </p>
          ) : workspaces.length === 0 ? (
            <p className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400">No workspaces yet.</p>
          ) : (
            <ul className="max-h-80 overflow-y-auto">
              {workspaces.map((workspace) => {
                const isCurrent = workspace.slug === currentSlug;
                return (
                  <li key={workspace.id}>
                    <Link
                      href={`/w/${workspace.slug}` as Route}
                      aria-current={isCurrent ? "page" : undefined}
                      onClick={close}
                      className={`${itemClass} ${isCurrent ? "bg-zinc-100 font-semibold dark:bg-zinc-800" : ""}`}
                    >
                      <span className="flex min-w-0 items-center gap-2">
                        <span
                          aria-hidden="true"
                          className={`size-1.5 shrink-0 rounded-full ${isCurrent ? "bg-indigo-600 dark:bg-indigo-400" : "bg-transparent"}`}
                        />
                        <Avatar name={workspace.name} src={workspace.logoUrl} size="xs" square />
                        <span className="truncate" title={workspace.name}>
                          {workspace.name}
                        </span>
                      </span>
                      <RoleBadge role={workspace.role} />
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </nav>
        <div className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-800">
          <Link
            href="/w/new"
            onClick={close}
            aria-current={pathname === "/w/new" ? "page" : undefined}
            className={`${itemClass} justify-start text-indigo-700 dark:text-indigo-300`}
          >
            <span aria-hidden="true">+</span> Create workspace
          </Link>
        </div>
      </div>
    </div>
  );
}
