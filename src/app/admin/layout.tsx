import Link from "next/link";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { BrandMark, brandClass, SkipLink } from "@/components/shell/app-shell";
import { ThemeToggle } from "@/components/theme-toggle";
import { DynamicPageRoot } from "@/components/page-root";
import { TRPCReactProvider } from "@/trpc/client";
import { getBrand } from "@/server/brand";
import { editorMetadata, requireEditor } from "./server";

// Per request and per user: never cached.
export const dynamic = "force-dynamic";

/**
 * Titles ("Users · Admin") for staff only: see adminMetadata / editorMetadata. Others get no title here, so the
 * root's template makes the page's 404 title "Page not found · <brand>" (a title set here would
 * end that template).
 */
export const generateMetadata = editorMetadata(
  { title: { default: "Admin", template: "%s · Admin" }, robots: { index: false, follow: false } },
  { robots: { index: false, follow: false } },
);

/**
 * The admin console (staff only: admins, and editors for /admin/posts). Anyone else, signed in
 * or not, gets the 404 page: the console does not reveal itself. Each page checks again (admin
 * pages `requireAdmin`, post pages `requireEditor`), and so does every procedure.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireEditor();
  const admin = staff.user;
  return (
    <DynamicPageRoot>
      <TRPCReactProvider>
        <div className="flex min-h-dvh flex-col">
          <SkipLink />
          <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
              <div className="flex items-center gap-3">
                <Link href={staff.isAdmin ? "/admin/users" : "/admin/posts"} className={brandClass}>
                  <BrandMark logoUrl={getBrand().logoUrl} />
                  Admin
                </Link>
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-300">
                  {staff.isAdmin ? "Staff" : "Editor"}
                </span>
              </div>
              <div className="flex items-center gap-3 text-sm">
                <span
                  className="hidden max-w-64 truncate align-bottom text-zinc-600 sm:inline-block dark:text-zinc-400"
                  title={admin.email}
                >
                  {admin.email}
                </span>
                <Link
                  href="/dashboard"
                  className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
                >
                  Back to the app
                </Link>
                <ThemeToggle />
              </div>
            </div>
            <div className="mx-auto max-w-6xl px-4 pb-3 sm:px-6">
              <AdminNav isAdmin={staff.isAdmin} />
            </div>
          </header>
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6"
          >
            {children}
          </main>
        </div>
      </TRPCReactProvider>
    </DynamicPageRoot>
  );
}
