import { appRouter, createTRPCContext } from "@cadence/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { env } from "~/env";
import { getSession } from "~/server/auth";
import { services } from "~/server/services";

function tooLarge(): Response {
  return Response.json(
    { error: { message: `Request body exceeds ${env.API_MAX_BODY_BYTES} bytes`, code: "PAYLOAD_TOO_LARGE" } },
    { status: 413 },
  );
}

/** Reads the body with a cap, so an oversized request costs no more than the cap. */
async function boundedBody(req: Request): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > env.API_MAX_BODY_BYTES) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > env.API_MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function handler(req: Request): Promise<Response> {
  let request = req;
  if (req.method === "POST") {
    const body = await boundedBody(req);
    if (body === null) return tooLarge();
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
