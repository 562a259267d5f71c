"use client";
/** sonner's toaster, in the theme the user chose (resolved: "light" or "dark"). */
import { useTheme } from "next-themes";
import { Toaster as Sonner } from "sonner";
import { useMounted } from "@/components/use-mounted";

export function Toaster() {
  const { resolvedTheme } = useTheme();
  const mounted = useMounted();
  // The server does not know the theme: "system" until mounted, then the resolved one.
  const theme =
    mounted && (resolvedTheme === "dark" || resolvedTheme === "light") ? resolvedTheme : "system";
  return <Sonner richColors closeButton theme={theme} />;
}
