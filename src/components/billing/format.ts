/** Display helpers for billing: money in cents, subscription statuses. */

/** "$19.00" from integer cents of `currency` (ISO 4217). */
export function formatCents(cents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}

/** Stripe subscription statuses in words (https://docs.stripe.com/billing/subscriptions/overview). */
export const statusLabels: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment failed",
  unpaid: "Unpaid",
  canceled: "Canceled",
  incomplete: "Awaiting payment",
  incomplete_expired: "Expired",
  paused: "Paused",
};
