import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    // Typesense instead of the database's own search (e.g. http://127.0.0.1:8108).
    TYPESENSE_URL: z.url().optional(),
    TYPESENSE_API_KEY: z.string().min(1).optional(),
    TYPESENSE_COLLECTION: z.string().min(1).default("cadence"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
