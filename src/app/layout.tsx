import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TRPCReactProvider } from "@/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Starter", template: "%s · Starter" },
  description: "Launch your subscription product: typed end to end, payments included.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <TRPCReactProvider>
          {children}
          <Toaster richColors closeButton theme="system" />
        </TRPCReactProvider>
      </body>
    </html>
  );
}
