import type { ReactNode } from "react";

/**
 * A titled card of a settings-like page, labelled by its heading (a landmark region).
 * `layout="split"`: title on the left from md up; `"stacked"`: title above full-width content.
 */
export function Section({
  id,
  title,
  description,
  tone = "default",
  layout = "split",
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  tone?: "default" | "danger";
  layout?: "split" | "stacked";
  /** Shown next to the title (stacked layout), e.g. a count or a link. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const split = layout === "split";
  return (
    <section
      aria-labelledby={id}
      className={`grid gap-4 rounded-xl border p-5 sm:p-6 ${split ? "md:grid-cols-3 md:gap-8" : ""} ${
        tone === "danger"
          ? "border-red-200 dark:border-red-900/70"
          : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <header
        className={
          split ? "space-y-1" : "flex flex-wrap items-start justify-between gap-x-4 gap-y-2"
        }
      >
        <div className="space-y-1">
          <h2
            id={id}
            className={`text-lg font-semibold ${tone === "danger" ? "text-red-700 dark:text-red-400" : ""}`}
          >
            {title}
          </h2>
          {description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
        </div>
        {actions}
      </header>
      <div className={`min-w-0 ${split ? "md:col-span-2" : ""}`}>{children}</div>
    </section>
  );
}
