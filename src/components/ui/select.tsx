import { useId, type ComponentProps } from "react";
import { Label } from "@/components/ui/label";

const selectClass =
  "block min-h-10 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60 aria-invalid:border-red-600 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-invalid:border-red-500";

/** A native select, styled like `Input`. */
export function Select({ className = "", ...props }: ComponentProps<"select">) {
  return <select className={`${selectClass} ${className}`} {...props} />;
}

export type SelectFieldProps = ComponentProps<"select"> & {
  label: string;
  error?: string;
  hint?: string;
};

/** A labelled select with its hint and error, like `TextField`: spread `register("field")` into it. */
export function SelectField({
  label,
  error,
  hint,
  id,
  className,
  children,
  ...selectProps
}: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const hintId = `${selectId}-hint`;
  const errorId = `${selectId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={`space-y-1.5 ${className ?? ""}`}>
      <Label htmlFor={selectId}>{label}</Label>
      <Select
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...selectProps}
      >
        {children}
      </Select>
      {hint && (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
