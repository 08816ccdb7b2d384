import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";

import { env } from "~/env";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "~/lib/security-headers";

const https = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
const hsts = strictTransportSecurity(env.NEXTAUTH_URL);
const dev = process.env.NODE_ENV === "development";

/**
 * A fresh CSP nonce for every page. Next.js reads it from the request's CSP header and puts it
 * on the scripts it renders, which is why every page renders dynamically.
 */
export function proxy(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy(newNonce(), { https, dev });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Pages only: API routes (JSON, media, keys) and static assets run no script of their own.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
