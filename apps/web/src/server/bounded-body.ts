import "server-only";

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

export function payloadTooLarge(maxBytes: number): Response {
  return Response.json(
    { error: { message: `Request body exceeds ${maxBytes} bytes`, code: "PAYLOAD_TOO_LARGE" } },
    { status: 413 },
  );
}
