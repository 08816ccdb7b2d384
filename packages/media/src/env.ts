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
    // The music folder the app server watches; the rescan CLI's default folder.
    MUSIC_DIR: z.string().min(1).optional(),
    // An ffmpeg binary to use instead of the one on PATH (or the npm-shipped fallback).
    FFMPEG_PATH: z.string().min(1).optional(),
    // ffmpeg is killed past this many seconds on one file (a crafted file must not hang ingest).
    FFMPEG_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(900),
    // Longer files are refused with a reason rather than transcoded (a 10-hour recording).
    MAX_TRACK_MINUTES: z.coerce.number().positive().default(180),
    // The app's stream URL lifetime (see apps/web): how long a superseded encoding must outlive it.
    STREAM_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
