"use client";
/**
 * next-themes' provider, configured once: the theme is a class on <html> ("light" / "dark"), the
 * default follows the operating system, and switching does not animate every transition. Its
 * inline script carries the request's CSP nonce.
 */
import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

export function ThemeProvider({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
    >
      {children}
    </NextThemesProvider>
  );
}
