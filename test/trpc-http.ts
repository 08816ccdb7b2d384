import type { APIRequestContext } from "@playwright/test";

/** A tRPC query over plain HTTP with the request context's cookies; throws on an error answer. */
export async function trpcGet<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.get(
    `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!res.ok() || !body.result) {
    throw new Error(`${procedure} answered ${res.status()}: ${JSON.stringify(body.error)}`);
  }
  return body.result.data.json;
}
