"use client";
/**
 * next-themes' provider, configured once: the theme is a class on <html> ("light" / "dark"), the
 * default follows the operating system, and switching does not animate every transition.
 */
import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
    >
      {children}
    </NextThemesProvider>
  );
}
