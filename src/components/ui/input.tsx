import type { ComponentProps } from "react";

/** A text input; red border when `aria-invalid`. */
export function Input({ className = "", ...props }: ComponentProps<"input">) {
  return (
    <input
      className={`block min-h-10 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 placeholder:text-zinc-400 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600 disabled:opacity-60 aria-invalid:border-red-600 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:aria-invalid:border-red-500 ${className}`}
      {...props}
    />
  );
}
