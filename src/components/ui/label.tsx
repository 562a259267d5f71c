import type { ComponentProps } from "react";

export function Label({ className = "", ...props }: ComponentProps<"label">) {
  return (
    <label
      className={`block text-sm font-medium text-zinc-800 dark:text-zinc-200 ${className}`}
      {...props}
    />
  );
}
