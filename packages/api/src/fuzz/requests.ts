import fc from "fast-check";
import superjson from "superjson";

import { hostileString, hostileValue } from "./values";

// How an input travels to /api/trpc: as the client sends it (superjson), as the player's
// beacon does (plain JSON), batched, batched as a JSON-lines stream, with the wrong method, or
// as bytes no client would send.

export type Transport = "superjson" | "json" | "batch" | "stream" | "wrong-method" | "raw";

export interface FuzzCall {
  transport: Transport;
  input: unknown;
  /** For "raw": the body (or the `input` query parameter of a query) as sent. */
  raw: string | Uint8Array;
}

// superjson's meta says how to revive values; a hostile one names types and paths at random.
const typeAnnotation = fc.constantFrom<unknown>(
  ["undefined"],
  ["Date"],
  ["bigint"],
  ["set"],
  ["map"],
  ["regexp"],
  ["number"],
  ["symbol", "x"],
  ["class", "X"],
  ["custom", "Y"],
  "Date",
);
const hostileMeta = fc.oneof(
  hostileValue,
  fc.record(
    {
      values: fc.oneof(
        hostileValue,
        typeAnnotation,
        fc.dictionary(
          fc.oneof(hostileString, fc.constantFrom("", "a", "a.b", "__proto__", "constructor.prototype", "0")),
          typeAnnotation,
        ),
      ),
      referentialEqualities: fc.oneof(
        hostileValue,
        fc.dictionary(
          fc.constantFrom("", "a", "__proto__"),
          fc.array(fc.constantFrom("a", "a.b", "__proto__.x")),
        ),
      ),
      v: fc.oneof(fc.constant(1), hostileValue),
    },
    { requiredKeys: [] },
  ),
);

function rawBody(input: unknown): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    hostileString,
    fc.constantFrom(
      "",
      "{",
      "[",
      "null",
      "{}",
      '{"json":',
      '{"0":{"json":1}}',
      "\u0000",
      '{"json":1}garbage',
    ),
    hostileMeta.map((meta) => safeStringify({ json: input, meta }) ?? "{}"),
    fc.uint8Array({ maxLength: 64 }),
    // Invalid UTF-8: a lone continuation byte and an overlong NUL.
    fc.constant(new Uint8Array([0x7b, 0x22, 0x6a, 0x22, 0x3a, 0x22, 0x80, 0xc0, 0x80, 0x22, 0x7d])),
  );
}

export function fuzzCall(input: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzCall> {
  return fc
    .tuple(
      fc.oneof(
        { weight: 5, arbitrary: fc.constant<Transport>("superjson") },
        ...(["json", "batch", "stream", "wrong-method", "raw"] as const).map((transport) => ({
          weight: 1,
          arbitrary: fc.constant<Transport>(transport),
        })),
      ),
      input,
    )
    .chain(([transport, value]) =>
      (transport === "raw" ? rawBody(value) : fc.constant("")).map((raw) => ({
        transport,
        input: value,
        raw,
      })),
    );
}

/** Percent-encodes text as UTF-8, a lone surrogate becoming U+FFFD as in any encoder. */
export function percentEncode(text: string): string {
  return encodeURIComponent(Buffer.from(text).toString());
}

function safeStringify(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null; // BigInt, or nesting too deep for this side to encode
  }
}

function encode(transport: Transport, input: unknown): string {
  if (transport === "json") return safeStringify({ json: input }) ?? encode("superjson", input);
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return JSON.stringify({ json: null });
  }
}

/** The HTTP request a call makes to `path`, a "query" or a "mutation". */
export function requestFor(path: string, type: string, call: FuzzCall): Request {
  const base = `http://localhost/api/trpc/${path}`;
  const json = { "content-type": "application/json" };
  let method = type === "mutation" ? "POST" : "GET";
  if (call.transport === "wrong-method") method = method === "GET" ? "POST" : "GET";
  if (call.transport === "raw") {
    if (method === "GET") {
      const text = typeof call.raw === "string" ? call.raw : Buffer.from(call.raw).toString("latin1");
      return new Request(`${base}?input=${text.startsWith("%") ? text : percentEncode(text)}`);
    }
    const body = typeof call.raw === "string" ? call.raw : new Uint8Array(call.raw);
    return new Request(base, { method, body, headers: json });
  }
  if (call.transport === "batch" || call.transport === "stream") {
    const one = JSON.parse(encode("superjson", call.input)) as unknown;
    const both = JSON.stringify({ 0: one, 1: one });
    // httpBatchStreamLink asks for JSON lines, answered as each call finishes.
    const headers = call.transport === "stream" ? { ...json, "trpc-accept": "application/jsonl" } : json;
    return method === "GET"
      ? new Request(`${base},${path}?batch=1&input=${encodeURIComponent(both)}`, { headers })
      : new Request(`${base},${path}?batch=1`, { method, body: both, headers });
  }
  const body = encode(call.transport, call.input);
  return method === "GET"
    ? new Request(`${base}?input=${encodeURIComponent(body)}`)
    : new Request(base, { method, body, headers: json });
}

/**
 * The messages of every error in a tRPC answer (single, batched, or JSON lines); null if the
 * body is not JSON at all.
 */
export function trpcErrorMessages(body: string): string[] | null {
  const messages: string[] = [];
  const lines = body.split("\n").filter((line) => line.trim() !== "");
  try {
    for (const line of lines.length > 0 ? lines : [body]) collectErrors(JSON.parse(line), messages);
  } catch {
    return null;
  }
  return messages;
}

/** Finds `{ error: { message } }` (or superjson's `{ error: { json: { message } } }`) at any depth. */
function collectErrors(value: unknown, messages: string[]): void {
  if (!value || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collectErrors(item, messages);
    return;
  }
  const record = value as Record<string, unknown>;
  const error = record.error as { message?: unknown; json?: { message?: unknown } } | undefined;
  if (error && typeof error === "object") {
    const message = error.json?.message ?? error.message;
    messages.push(typeof message === "string" ? message : "");
    return;
  }
  for (const child of Object.values(record)) collectErrors(child, messages);
}
