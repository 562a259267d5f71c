"use client";
/**
 * Keeps what a person typed in a form as a draft in sessionStorage (this tab only, gone when it
 * closes), so an interruption does not lose it: a session that expired mid-typing sends them to
 * sign-in and back (src/trpc/query-client.ts), and the form comes back filled. Only the `fields`
 * given are kept (never passwords); the draft is restored after hydration, so the server's and
 * the client's first render agree. Call `clear()` once the form is submitted successfully.
 */
import { useCallback, useEffect } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";

const PREFIX = "draft:";

function load(key: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? "null");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function useFormDraft<T extends FieldValues>(
  key: string,
  form: Pick<UseFormReturn<T>, "watch" | "setValue">,
  fields: readonly Path<T>[],
) {
  const { watch, setValue } = form;
  // The list of fields is fixed per form: a string key keeps the effects from re-running.
  const fieldList = fields.join(",");

  useEffect(() => {
    const names = fieldList.split(",") as Path<T>[];
    const draft = load(key);
    if (draft) {
      for (const name of names) {
        const value = draft[name];
        if (typeof value === "string" && value !== "") {
          setValue(name, value as PathValue<T, Path<T>>, { shouldDirty: true });
        }
      }
    }
    const subscription = watch((values) => {
      const kept = Object.fromEntries(
        names.map((name) => [name, (values as Record<string, unknown>)[name]]),
      );
      const empty = Object.values(kept).every((value) => value === undefined || value === "");
      try {
        if (empty) sessionStorage.removeItem(PREFIX + key);
        else sessionStorage.setItem(PREFIX + key, JSON.stringify(kept));
      } catch {
        // Storage full or disabled: the form still works, without a draft.
      }
    });
    return () => subscription.unsubscribe();
  }, [key, fieldList, watch, setValue]);

  return useCallback(() => {
    try {
      sessionStorage.removeItem(PREFIX + key);
    } catch {
      // Nothing to clear.
    }
  }, [key]);
}
