import type { ReactNode } from "react";

/** The title and lead paragraph of an (auth) card. */
export function AuthHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="mb-6 space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {children && <p className="text-sm text-zinc-600 dark:text-zinc-400">{children}</p>}
    </header>
  );
}
