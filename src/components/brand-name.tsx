/**
 * The brand's logo (when it has one) and name, for the marketing and auth headers. The layouts
 * pass the runtime brand (src/server/brand.ts, `getBrand()`).
 */
export function BrandName({ name, logoUrl }: { name: string; logoUrl: string | null }) {
  return (
    <span className="inline-flex items-center gap-2">
      {logoUrl ? (
        // A small same-origin file of any format (svg included): next/image would add nothing.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={logoUrl} alt="" className="size-6 rounded-md object-contain" />
      ) : null}
      {name}
    </span>
  );
}
