/** Display helpers for billing: subscription statuses (money: formatPrice, src/components/price.ts). */

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
