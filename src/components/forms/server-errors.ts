/**
 * tRPC errors → form errors. BAD_REQUEST carries zod's field errors at
 * `error.data.zodError.fieldErrors.<field>`; they land on their fields. Everything else becomes one
 * form-level message.
 */
import { isTRPCClientError } from "@trpc/client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ZodErrorData = {
  formErrors?: string[];
  fieldErrors?: Record<string, string[] | undefined>;
};

const NETWORK_MESSAGE = "We could not reach the server. Check your connection and try again.";

/** The tRPC error code ("UNAUTHORIZED", "TOO_MANY_REQUESTS", …), if any. */
export function errorCode(error: unknown): string | undefined {
  return isTRPCClientError(error) ? (error.data as { code?: string } | undefined)?.code : undefined;
}

function zodErrorOf(error: unknown): ZodErrorData | null {
  if (!isTRPCClientError(error)) return null;
  const data = error.data as { zodError?: ZodErrorData | null } | undefined;
  return data?.zodError ?? null;
}

/** A message fit to show a person: the server's message, or a generic one for validation/network. */
export function errorMessage(error: unknown): string {
  if (!isTRPCClientError(error)) return "Something went wrong. Please try again.";
  if (!error.data) return NETWORK_MESSAGE;
  const zodError = zodErrorOf(error);
  if (zodError) {
    const messages = [
      ...(zodError.formErrors ?? []),
      ...Object.values(zodError.fieldErrors ?? {}).flatMap((m) => m ?? []),
    ];
    return messages[0] ?? "Please check the form and try again.";
  }
  return error.message || "Something went wrong. Please try again.";
}

/**
 * Puts the server's field errors on the form's fields (those listed in `fields`) and returns the
 * form-level message to show, or null when every error found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  fields: readonly Path<T>[],
): string | null {
  const zodError = zodErrorOf(error);
  if (!zodError) return errorMessage(error);
  const leftOver = [...(zodError.formErrors ?? [])];
  let first = true;
  for (const [field, messages] of Object.entries(zodError.fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: "server", message }, { shouldFocus: first });
      first = false;
    } else {
      leftOver.push(message);
    }
  }
  if (leftOver.length > 0) return leftOver.join(" ");
  return first ? errorMessage(error) : null;
}
