import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

import { env } from "../env";
import { STATIC_HEADERS } from "../lib/security-headers";
import { serveApi } from "./api";
import { payloadTooLarge, readBoundedNodeBody } from "./bounded-body";
import { parseCookieHeader } from "./session";

const gzipped = promisify(gzip);

// Next.js compresses what it serves (gzip from 1 KiB); so does this path.
const COMPRESS_FROM_BYTES = 1024;

/** Whether apps/web/server.ts serves this request itself: tRPC's GET and POST. */
export function isApiRequest(req: IncomingMessage): boolean {
  return (req.method === "GET" || req.method === "POST") && (req.url ?? "").startsWith("/api/trpc/");
}

/**
 * /api/trpc straight from node:http, without Next.js's route pipeline (about 2.7 ms of CPU per
 * call, measured with bench/library.ts). Everything the route did still happens: the body cap
 * (413, and the connection is closed so the rest is never read), the batch cap, the session
 * from the cookie (session.ts), the client address the server stamped, and the headers
 * next.config.ts gives every answer.
 */
export async function serveApiNode(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: string | undefined;
  if (req.method === "POST") {
    const read = await readBoundedNodeBody(req, env.API_MAX_BODY_BYTES);
    if (read === null) {
      await send(req, res, payloadTooLarge(env.API_MAX_BODY_BYTES), { close: true });
      return;
    }
    body = read.toString("utf8");
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  // The path and query only: the Host header is the client's to choose, and nothing reads it.
  const request = new Request(new URL(req.url ?? "/", "http://localhost"), {
    method: req.method,
    headers,
    body,
  });
  await send(req, res, await serveApi(request, parseCookieHeader(req.headers.cookie)));
}

async function send(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
  options: { close?: boolean } = {},
): Promise<void> {
  let payload: Buffer = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = { ...STATIC_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  if (payload.byteLength >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    payload = await gzipped(payload);
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(payload.byteLength);
  if (options.close) headers.connection = "close";
  res.writeHead(response.status, headers).end(payload);
}
