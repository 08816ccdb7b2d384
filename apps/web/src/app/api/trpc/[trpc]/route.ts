import { handleTRPCRequest } from "@cadence/api";

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
  return handleTRPCRequest(request, {
    services,
    session: getSession,
    maxBatchSize: env.API_MAX_BATCH_SIZE,
  });
}

export { handler as GET, handler as POST };
