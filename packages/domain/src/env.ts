import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    // The accounts a fresh install starts with; a password left unset is generated and printed once.
    ADMIN_EMAIL: z.email().default("admin@cadence.local"),
    ADMIN_PASSWORD: z.string().min(8).max(256).optional(),
    DEMO_EMAIL: z.email().default("demo@cadence.local"),
    DEMO_PASSWORD: z.string().min(8).max(256).optional(),
    // Licensing country of new accounts when GeoIP does not know the address.
    DEFAULT_COUNTRY: z
      .string()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "a two-letter country code")
      .default("US"),
    // Requests a minute before a 429, per account and per address (0: no limit). Writes are
    // every change; reads, the ones that cost the database real work (catalog and library pages).
    RATE_LIMIT_WRITES_PER_USER: z.coerce.number().int().min(0).default(120),
    RATE_LIMIT_WRITES_PER_IP: z.coerce.number().int().min(0).default(600),
    RATE_LIMIT_READS_PER_USER: z.coerce.number().int().min(0).default(300),
    RATE_LIMIT_READS_PER_IP: z.coerce.number().int().min(0).default(1500),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
