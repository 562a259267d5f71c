import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { BrandName } from "@/components/brand-name";
import { getBrand } from "@/server/brand";
import { DynamicPageRoot } from "@/components/page-root";
import { TRPCReactProvider } from "@/trpc/client";

/** Not for search results: a sign-in form or an emailed link's page is nobody's answer. */
export const metadata: Metadata = { robots: { index: false } };

/** Sign-in, sign-up and the emailed-link pages: one centered card. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <DynamicPageRoot>
      <TRPCReactProvider>
        <div className="flex min-h-dvh flex-col items-center bg-zinc-50 px-4 py-10 sm:justify-center sm:py-16 dark:bg-zinc-950">
          <Link
            href="/"
            className="mb-8 rounded-md text-xl font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600"
          >
            <BrandName {...getBrand()} />
          </Link>
          <main className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900/60">
            {children}
          </main>
        </div>
      </TRPCReactProvider>
    </DynamicPageRoot>
  );
}
