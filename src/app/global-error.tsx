"use client";
import { useEffect } from "react";
import { reportClientError } from "@/error-reporting/client";
import "./globals.css";

/**
 * The last boundary: the root layout itself failed, so this renders its own document, with no
 * providers (nor the brand name: the server's settings are out of reach). Reloading is the only
 * safe retry.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => {
    reportClientError(error, { boundary: "global" });
  }, [error]);
  return (
    <html lang="en">
      <head>
        <title>Something went wrong</title>
      </head>
      <body className="flex min-h-dvh items-center justify-center p-6">
        <main role="alert" className="max-w-md space-y-4 text-center">
          <h1 className="text-xl font-semibold">Something went wrong</h1>
          <p className="text-zinc-600">
            The app could not load. Your data is safe; please reload in a moment.
          </p>
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Reload
          </button>
        </main>
      </body>
    </html>
  );
}
