import { cookies } from "next/headers";

import { env } from "~/env";
import { serveApi } from "~/server/api";
import { payloadTooLarge, readBoundedBody } from "~/server/bounded-body";

/**
 * /api/trpc under `next dev`. In production apps/web/server.ts answers these requests itself
 * (server/trpc-node.ts) before Next.js sees them; both go through the same handler.
 */
async function handler(req: Request): Promise<Response> {
  let request = req;
  if (req.method === "POST") {
    const body = await readBoundedBody(req, env.API_MAX_BODY_BYTES);
    if (body === null) return payloadTooLarge(env.API_MAX_BODY_BYTES);
    request = new Request(req.url, { method: "POST", headers: req.headers, body });
  }
  return serveApi(request, (await cookies()).getAll());
}

export { handler as GET, handler as POST };
