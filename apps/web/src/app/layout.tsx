import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Cadence", template: "%s · Cadence" },
  description: "Your music, streamed from your own server.",
};

// Every page renders per request, so it carries that request's CSP nonce (src/proxy.ts).
export const dynamic = "force-dynamic";

export const viewport: Viewport = { themeColor: "#0d0d12", width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
