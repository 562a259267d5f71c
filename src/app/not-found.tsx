import Link from "next/link";
import { DynamicPageRoot } from "@/components/page-root";
import { getCurrentSession } from "@/server/auth/session";
import { NOT_FOUND_METADATA } from "./not-found-metadata";

export const metadata = NOT_FOUND_METADATA;

/**
 * Any unknown URL: a way back to the dashboard for a signed-in user, to the home page otherwise.
 * Rendered per request (it reads the session), under the nonce CSP.
 */
export default async function NotFound() {
  const signedIn = (await getCurrentSession()) !== null;
  return (
    <DynamicPageRoot>
      <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-zinc-600 dark:text-zinc-400">The page you asked for does not exist.</p>
        <div className="flex flex-wrap items-center justify-center gap-3">
          {signedIn && (
            <Link
              href="/dashboard"
              className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Go to the dashboard
            </Link>
          )}
          <Link href="/" className="font-medium text-indigo-600 underline dark:text-indigo-400">
            Back to the home page
          </Link>
        </div>
      </main>
    </DynamicPageRoot>
  );
}
