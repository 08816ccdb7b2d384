import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    // Licensing country for new accounts when the sign-up address says nothing (ISO 3166-1).
    DEFAULT_COUNTRY: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((c) => c.toUpperCase())
      .default("US"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
