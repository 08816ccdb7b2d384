import { timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { Redis } from "ioredis";

import { KNOWN_SCRIPTS } from "../scripts";

/**
 * A bridge that speaks the Upstash REST protocol over HTTP and plain Redis over TCP, so the
 * one cache client (@upstash/redis) can sit in front of a self-hosted Redis.
 *
 * Protocol: POST / with ["CMD", ...args] -> {result}; POST /pipeline and /multi-exec with
 * [[...], ...] -> [{result}|{error}]; GET|POST /cmd/arg/... ; Bearer token auth; with
 * `Upstash-Encoding: base64` every string in a result is base64 (binary safe).
 *
 * It runs only what UpstashCache sends: an allowlist of commands, and EVAL of the cache's own
 * scripts. Anything else (FLUSHALL, CONFIG, KEYS, a script of the caller's) is refused with 403
 * before it reaches Redis, and a pipeline holding one such command runs none of them.
 */

type Arg = string | number;
type Command = Arg[];
type Reply = { result: unknown } | { error: string };

const MAX_BODY_BYTES = 10 * 1024 * 1024;

// GET, SET and DEL of values, PTTL for a window's reset, PING for health, EVAL for the rest.
const ALLOWED_COMMANDS = new Set(["GET", "SET", "DEL", "PTTL", "PING", "EVAL"]);

/** Why the bridge refuses a command, or null when it may run. */
function refusal(command: Command): string | null {
  const name = String(command[0]).toUpperCase();
  if (!ALLOWED_COMMANDS.has(name)) return `ERR command not allowed by the bridge: ${name.slice(0, 40)}`;
  if (name === "EVAL" && !KNOWN_SCRIPTS.has(String(command[1]))) {
    return "ERR script not allowed by the bridge: only the cache's own scripts run";
  }
  return null;
}

export interface RedisHttpOptions {
  redisUrl: string;
  token: string;
  port?: number;
  host?: string;
}

export interface RedisHttpBridge {
  url: string;
  token: string;
  server: Server;
  redis: Redis;
  close(): Promise<void>;
}

function encodeReply(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) return value.toString(base64 ? "base64" : "utf8");
  if (Array.isArray(value)) return value.map((v) => encodeReply(v, base64));
  return value ?? null;
}

function isCommand(value: unknown): value is Command {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((part) => typeof part === "string" || typeof part === "number")
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startRedisHttpBridge(options: RedisHttpOptions): Promise<RedisHttpBridge> {
  const redis = new Redis(options.redisUrl, {
    // Fail fast while Redis is down instead of queueing: callers fall back or fail closed.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
  });
  redis.on("error", () => undefined); // reconnects on its own; each command reports its failure
  await redis.connect().catch(() => undefined);
  const expected = Buffer.from(`Bearer ${options.token}`);

  const run = async (command: Command, base64: boolean): Promise<Reply> => {
    const [name, ...args] = command;
    try {
      const result: unknown = await redis.callBuffer(String(name), args);
      return { result: encodeReply(result, base64) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const given = Buffer.from(req.headers.authorization ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return send(res, 401, { error: "Unauthorized" });
    }
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const path = new URL(req.url ?? "/", "http://bridge").pathname;
    const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
    const body = req.method === "POST" ? await readBody(req) : "";
    const parsed: unknown = body ? JSON.parse(body) : undefined;

    if (segments[0] === "pipeline" || segments[0] === "multi-exec") {
      if (!Array.isArray(parsed) || !parsed.every(isCommand)) {
        return send(res, 400, { error: "ERR expected an array of commands" });
      }
      const commands = parsed;
      const refused = commands.map(refusal).find((reason) => reason !== null);
      if (refused) return send(res, 403, { error: refused });
      if (segments[0] === "multi-exec") {
        const replies = await runTransaction(redis, commands, base64);
        return send(res, "error" in replies ? 400 : 200, "error" in replies ? replies : replies.list);
      }
      const replies: Reply[] = [];
      for (const command of commands) replies.push(await run(command, base64));
      return send(res, 200, replies);
    }
    const command: unknown =
      segments.length > 0 ? [...segments, ...(isCommand(parsed) ? parsed : [])] : parsed;
    if (!isCommand(command)) return send(res, 400, { error: "ERR expected a command array" });
    const refused = refusal(command);
    if (refused) return send(res, 403, { error: refused });
    const reply = await run(command, base64);
    return send(res, "error" in reply ? 400 : 200, reply);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 400, { error: errorMessage(error) }));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    token: options.token,
    server,
    redis,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}

async function runTransaction(
  redis: Redis,
  commands: Command[],
  base64: boolean,
): Promise<{ list: Reply[] } | { error: string }> {
  const multi = redis.multi();
  for (const [name, ...args] of commands) multi.callBuffer(String(name), args);
  try {
    const results = (await multi.exec()) ?? [];
    return {
      list: results.map(([error, result]) =>
        error ? { error: error.message } : { result: encodeReply(result, base64) },
      ),
    };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}
