import { appRouter, createTRPCContext } from "@cadence/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { env } from "~/env";
import { getSession } from "~/server/auth";
import { payloadTooLarge, readBoundedBody } from "~/server/bounded-body";
import { services } from "~/server/services";

async function handler(req: Request): Promise<Response> {
  let request = req;
  if (req.method === "POST") {
    const body = await readBoundedBody(req, env.API_MAX_BODY_BYTES);
    if (body === null) return payloadTooLarge(env.API_MAX_BODY_BYTES);
    request = new Request(req.url, { method: "POST", headers: req.headers, body });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: env.API_MAX_BATCH_SIZE,
    createContext: async () =>
      createTRPCContext({ ...services(), headers: req.headers, session: await getSession() }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}`, error);
    },
  });
}

export { handler as GET, handler as POST };
