import type { IncomingMessage } from "node:http";

/**
 * Reads a request body up to `maxBytes`, or null beyond it: a declared length over the cap is
 * refused unread, and a streamed body is cancelled once it passes the cap, so an oversized
 * request costs no more memory than the cap.
 */
export async function readBoundedBody(req: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The same cap on a node:http request (apps/web/server.ts). Past the cap it stops reading and
 * answers null; the caller answers 413 and closes the connection, so the rest is never read.
 */
export function readBoundedNodeBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        stop();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

export function payloadTooLarge(maxBytes: number): Response {
  return Response.json(
    { error: { message: `Request body exceeds ${maxBytes} bytes`, code: "PAYLOAD_TOO_LARGE" } },
    { status: 413 },
  );
}
