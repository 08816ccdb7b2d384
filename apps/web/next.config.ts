import type { NextConfig } from "next";

import { STATIC_HEADERS } from "./src/lib/security-headers";

const config: NextConfig = {
  // Workspace packages export TypeScript source.
  transpilePackages: [
    "@cadence/api",
    "@cadence/cache",
    "@cadence/db",
    "@cadence/domain",
    "@cadence/media",
    "@cadence/player",
  ],
  // Native and WASM modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "postgres",
    "ioredis",
    "music-metadata",
    "@ffmpeg-installer/ffmpeg",
    // Loads its country database from its own folder at run time.
    "geoip-country",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: true }, // typechecked by `pnpm typecheck`, not twice
  headers() {
    return Promise.resolve([
      {
        source: "/:path*",
        // The CSP (per-request nonce) and HSTS (depends on NEXTAUTH_URL) come from src/proxy.ts.
        headers: Object.entries(STATIC_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ]);
  },
};

export default config;
