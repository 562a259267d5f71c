/**
 * The Open Graph image of a public page, drawn with `next/og` (satori + resvg): a 1200 × 630 px
 * PNG with the brand at the top and, at the bottom, an optional eyebrow ("Pricing", "Blog") and the page's title. Used by the
 * `opengraph-image.tsx` files of the public pages:
 *
 *   export const size = OG_IMAGE_SIZE;
 *   export const contentType = OG_IMAGE_CONTENT_TYPE;
 *   export default () => renderOgImage({ title: "Pricing that grows with you", eyebrow: "Pricing" });
 *
 * The font is Inter (SIL Open Font License, ./fonts/LICENSE-Inter.txt), shipped in the repo as
 * WOFF files from @fontsource/inter 5.3.0: nothing is downloaded, and satori reads WOFF but not
 * WOFF2. Latin glyphs only; satori draws others with its fallback.
 */
import "server-only";
import { readFile } from "node:fs/promises";
import { ImageResponse } from "next/og";
import { getBrand } from "@/server/brand";

/** Pixel size of every Open Graph image (the 1.91:1 card Facebook, LinkedIn and X show). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;
export const OG_IMAGE_CONTENT_TYPE = "image/png";

// `new URL(…, import.meta.url)`: the bundler copies the files next to the server chunk (and into
// the standalone output). Read once per process.
let fonts: Promise<{ regular: Buffer; bold: Buffer }> | undefined;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(new URL("./fonts/inter-latin-400-normal.woff", import.meta.url)),
    readFile(new URL("./fonts/inter-latin-700-normal.woff", import.meta.url)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/** Longer titles get a smaller type size, so three lines at most fit the card. */
function titleSize(title: string): number {
  if (title.length <= 32) return 76;
  if (title.length <= 64) return 60;
  return 48;
}

/**
 * The image for a page titled `title` (plain text; trimmed to 120 characters), under an optional
 * `eyebrow`, with the runtime brand's name. Returns a PNG response of OG_IMAGE_SIZE.
 */
export async function renderOgImage({
  title,
  eyebrow,
}: {
  title: string;
  eyebrow?: string;
}): Promise<ImageResponse> {
  const { regular, bold } = await loadFonts();
  const brand = getBrand();
  const text = title.length > 120 ? `${title.slice(0, 119)}…` : title;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px 80px",
        color: "#ffffff",
        fontFamily: "Inter",
        backgroundColor: "#1e1b4b",
        backgroundImage: "linear-gradient(135deg, #312e81 0%, #1e1b4b 55%, #09090b 100%)",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
        <div
          style={{
            width: 56,
            height: 56,
            borderRadius: 14,
            backgroundImage: "linear-gradient(135deg, #818cf8 0%, #4338ca 100%)",
          }}
        />
        <div style={{ fontSize: 40, fontWeight: 700 }}>{brand.name}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
        {eyebrow ? (
          <div
            style={{
              fontSize: 30,
              fontWeight: 700,
              color: "#a5b4fc",
              textTransform: "uppercase",
              letterSpacing: 3,
            }}
          >
            {eyebrow}
          </div>
        ) : null}
        <div
          style={{
            fontSize: titleSize(text),
            fontWeight: 700,
            lineHeight: 1.1,
            letterSpacing: -1.5,
            maxWidth: 1040,
          }}
        >
          {text}
        </div>
      </div>
    </div>,
    {
      ...OG_IMAGE_SIZE,
      fonts: [
        { name: "Inter", data: regular, weight: 400, style: "normal" },
        { name: "Inter", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}
