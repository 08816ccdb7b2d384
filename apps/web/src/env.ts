import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { parseTrustedProxies } from "@cadence/domain";

export const env = createEnv({
  server: {
    // HTTP port of the app's server (apps/web/server.ts).
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Proxies whose X-Forwarded-For is believed: addresses, CIDRs, `loopback`, `private`, or a
    // hop count. Unset: none, the socket's peer is the client.
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((spec, ctx) => {
        try {
          return parseTrustedProxies(spec);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
          return z.NEVER;
        }
      }),
    // Signs session tokens; the start script generates and keeps one under DATA_DIR.
    NEXTAUTH_SECRET: z.string().min(32).optional(),
    NEXTAUTH_URL: z.url().optional(),
    GITHUB_ID: z.string().optional(),
    GITHUB_SECRET: z.string().optional(),
    GOOGLE_ID: z.string().optional(),
    GOOGLE_SECRET: z.string().optional(),
    TYPESENSE_URL: z.url().optional(),
    // HMAC key of stream URLs; the start script generates and keeps one under DATA_DIR.
    STREAM_SIGNING_SECRET: z.string().min(32).optional(),
    // Life of a playlist grant; the player renews it. Segment URLs are signed per hour apart.
    STREAM_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
    // A folder of music the server scans at start and then watches (unset: the demo catalog only).
    MUSIC_DIR: z.string().min(1).optional(),
    // Largest tRPC request body accepted, in bytes.
    API_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
    API_MAX_BATCH_SIZE: z.coerce.number().int().positive().default(20),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
