import path from "node:path";

import { dataDir } from "@cadence/db";

import { env } from "./env";
import { LocalStorage } from "./local-storage";
import { S3Storage } from "./s3-storage";
import type { ObjectStorage } from "./storage";

/** The object store the environment asks for: S3 when configured, else a local directory. */
export function storageFromEnv(): ObjectStorage {
  if (env.S3_ENDPOINT && env.S3_BUCKET) {
    return new S3Storage({
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      credentials: env.S3_ACCESS_KEY_ID
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
      prefix: env.S3_PREFIX,
      forcePathStyle: env.S3_VIRTUAL_HOSTED !== "true",
    });
  }
  // Resolved at run time from configuration; the bundler must not trace it.
  return new LocalStorage(
    path.resolve(/*turbopackIgnore: true*/ env.MEDIA_DIR ?? path.join(dataDir, "media")),
  );
}
