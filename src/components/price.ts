/**
 * Formats an amount of integer cents in a currency (ISO 4217 code, any case), e.g.
 * `formatPrice(1900, "usd")` → "$19". Whole amounts drop the decimals.
 */
export function formatPrice(cents: number, currency: string, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}
