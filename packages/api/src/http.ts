import { randomUUID } from "node:crypto";

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { AppError } from "@cadence/domain";
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
 * while serving it carry the same one. A throttled call (429) also gets `Retry-After`.
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
      responseMeta: ({ errors }) => {
        // A throttled call says when to come back, as the auth route's 429 does.
        const waits = errors.map((e) => (e.cause instanceof AppError ? (e.cause.retryAfterSeconds ?? 0) : 0));
        const retryAfter = Math.max(0, ...waits);
        return {
          headers: {
            "x-request-id": requestId,
            ...(retryAfter > 0 ? { "retry-after": String(retryAfter) } : {}),
          },
        };
      },
    }),
  );
}
