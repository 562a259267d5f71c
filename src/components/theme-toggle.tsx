"use client";
/**
 * The theme choice: Light, Dark or System (next-themes). Two renderings of the same radio group:
 * `ThemeToggle` here, a compact segmented control (native radios: arrow keys move the choice), and
 * `ThemeMenuRadioGroup` (shell/theme-menu.tsx), radio items for the user menu's Radix dropdown,
 * apart so that pages with only the toggle do not load Radix.
 *
 * The server cannot know the stored choice, so nothing is checked until the component has mounted
 * on the client (same markup on both sides, no hydration mismatch, no layout shift).
 */
import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { useTheme } from "next-themes";
import { useId } from "react";
import { useMounted } from "@/components/use-mounted";

export const themeOptions = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
] as const satisfies readonly { value: string; label: string; icon: LucideIcon }[];

/** The current choice ("light" | "dark" | "system"), or undefined before mount. */
export function useThemeChoice() {
  const { theme, setTheme } = useTheme();
  const mounted = useMounted();
  return { choice: mounted ? (theme ?? "system") : undefined, setTheme };
}

/** A segmented Light / Dark / System switch, a radio group named "Theme". */
export function ThemeToggle({ className = "" }: { className?: string }) {
  const { choice, setTheme } = useThemeChoice();
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      className={`inline-flex items-center gap-0.5 rounded-lg border border-zinc-200 p-0.5 dark:border-zinc-800 ${className}`}
    >
      {themeOptions.map(({ value, label, icon: Icon }) => (
        <label
          key={value}
          title={label}
          className="relative inline-flex size-8 cursor-pointer items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 has-checked:bg-zinc-100 has-checked:text-zinc-900 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:has-checked:bg-zinc-800 dark:has-checked:text-zinc-100"
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={choice === value}
            onChange={() => setTheme(value)}
            className="sr-only"
          />
          <Icon aria-hidden="true" className="size-4" />
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </div>
  );
}
