import type { StreamConfig } from "@cadence/domain/streaming";

import { env } from "../env";

/** How stream URLs are signed; read per request, so a missing secret answers as an error. */
export function streamConfig(): StreamConfig {
  if (!env.STREAM_SIGNING_SECRET) throw new Error("STREAM_SIGNING_SECRET is not set (npm start sets it)");
  return { secret: env.STREAM_SIGNING_SECRET, ttlSeconds: env.STREAM_URL_TTL_SECONDS };
}
