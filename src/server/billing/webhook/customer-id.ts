/** The id of an expandable Stripe reference: a string id, or the expanded object's `id`. */
export function idOf(ref: string | { id: string } | null): string | null {
  return ref === null ? null : typeof ref === "string" ? ref : ref.id;
}
