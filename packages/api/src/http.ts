import { randomUUID } from "node:crypto";

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { withRequestId } from "@cadence/domain/log";
import type { StreamConfig } from "@cadence/domain/streaming";

import type { ApiServices, Session } from "./context";
import { createTRPCContext } from "./context";
import { appRouter } from "./root";

export interface TRPCHttpOptions {
  /** The engines to serve on; read per request, so a misconfiguration answers as an API error. */
  services: () => ApiServices & { streaming: StreamConfig };
  /** The caller's session, read from the request's cookies. */
  session: () => Promise<Session | null>;
  maxBatchSize: number;
}

/**
 * The API over HTTP (the fetch adapter), as /api/trpc serves it. Each request gets an id:
 * the `x-request-id` answer header, `data.requestId` of an error, and every log line written
 * while serving it carry the same one.
 */
export function handleTRPCRequest(req: Request, options: TRPCHttpOptions): Promise<Response> {
  const requestId = randomUUID();
  return withRequestId(requestId, () =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: options.maxBatchSize,
      createContext: async () =>
        createTRPCContext({ ...options.services(), headers: req.headers, session: await options.session() }),
      responseMeta: () => ({ headers: { "x-request-id": requestId } }),
    }),
  );
}
