import { handleTRPCRequest } from "@cadence/api";

import { env } from "../env";
import { engines } from "./engines";
import { musicFolder } from "./music-folder-control";
import { sessionReader } from "./session";
import type { CookieEntry } from "./session";
import { streamConfig } from "./stream-config";

/** The session of a request's cookies; see session.ts. */
export const readSession = sessionReader({ secret: env.NEXTAUTH_SECRET, publicUrl: env.NEXTAUTH_URL });

/**
 * /api/trpc: the one handler behind both ways in, the node:http server (trpc-node.ts, in
 * production) and the Next.js route (`next dev`). The body has been capped by the caller.
 */
export function serveApi(request: Request, cookies: readonly CookieEntry[]): Promise<Response> {
  return handleTRPCRequest(request, {
    services: () => ({ ...engines(), streaming: streamConfig(), musicFolder: musicFolder() }),
    session: () => readSession(cookies, engines()),
    maxBatchSize: env.API_MAX_BATCH_SIZE,
  });
}
