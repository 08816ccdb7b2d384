import path from "node:path";

import { dataDir } from "@cadence/db";
import { z } from "zod";

import { LocalStorage } from "./local-storage";
import { S3Storage } from "./s3-storage";
import type { ObjectStorage } from "./storage";

const Env = z.object({
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
});

/** The object store the environment asks for: S3 when configured, else a local directory. */
export function storageFromEnv(environment: NodeJS.ProcessEnv = process.env): ObjectStorage {
  const env = Env.parse(Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== "")));
  if (env.S3_ENDPOINT && env.S3_BUCKET) {
    return new S3Storage({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
      prefix: env.S3_PREFIX,
      forcePathStyle: env.S3_VIRTUAL_HOSTED !== "true",
    });
  }
  // Resolved at run time from configuration; the bundler must not trace it.
  return new LocalStorage(
    path.resolve(/*turbopackIgnore: true*/ env.MEDIA_DIR ?? path.join(dataDir, "media")),
  );
}
