"use client";

/**
 * The pricing page's Monthly / Yearly switch: a small client island around the server-rendered
 * plan cards. It sets `data-interval` on its wrapper, and the cards show the matching price with
 * Tailwind's `group-data-[interval=…]` variants, so the prices stay server-rendered from the
 * catalogue and switching is instant, with no request. The choice is not remembered.
 */
import { useState, type ReactNode } from "react";

type Interval = "month" | "year";

const OPTIONS: { value: Interval; label: string }[] = [
  { value: "month", label: "Monthly" },
  { value: "year", label: "Yearly" },
];

export function IntervalToggle({ children }: { children: ReactNode }) {
  const [interval, setInterval] = useState<Interval>("month");
  return (
    <div data-interval={interval} className="group space-y-8">
      <div className="flex justify-center">
        <div
          role="radiogroup"
          aria-label="Billing period"
          className="inline-flex rounded-full border border-zinc-300 p-1 dark:border-zinc-700"
        >
          {OPTIONS.map((option) => (
            <button
              key={option.value}
              type="button"
              role="radio"
              aria-checked={interval === option.value}
              onClick={() => setInterval(option.value)}
              onKeyDown={(event) => {
                if (!["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].includes(event.key))
                  return;
                event.preventDefault();
                const next = option.value === "month" ? "year" : "month";
                setInterval(next);
                const group = event.currentTarget.parentElement;
                group?.querySelector<HTMLButtonElement>(`[data-value="${next}"]`)?.focus();
              }}
              data-value={option.value}
              tabIndex={interval === option.value ? 0 : -1}
              className="rounded-full px-4 py-1.5 text-sm font-medium text-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-checked:bg-indigo-600 aria-checked:text-white dark:text-zinc-300 dark:aria-checked:text-white"
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
      {children}
    </div>
  );
}
