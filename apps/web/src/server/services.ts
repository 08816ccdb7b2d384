import "server-only";

import { env } from "~/env";

import { processServices } from "./create-services";
import type { ServerServices } from "./create-services";

export type { ServerServices } from "./create-services";

export function services(): ServerServices {
  if (!env.STREAM_SIGNING_SECRET) throw new Error("STREAM_SIGNING_SECRET is not set (npm start sets it)");
  return processServices({ secret: env.STREAM_SIGNING_SECRET, ttlSeconds: env.STREAM_URL_TTL_SECONDS });
}
