import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    // Local directory for published media; defaults to <DATA_DIR>/media.
    MEDIA_DIR: z.string().min(1).optional(),
    // Setting S3_ENDPOINT and S3_BUCKET switches to an S3-compatible store.
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().default(""),
    S3_SECRET_ACCESS_KEY: z.string().default(""),
    S3_PREFIX: z.string().optional(),
    S3_VIRTUAL_HOSTED: z.enum(["true", "false"]).default("false"),
    // An ffmpeg binary to use instead of the one on PATH (or the npm-shipped fallback).
    FFMPEG_PATH: z.string().min(1).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
