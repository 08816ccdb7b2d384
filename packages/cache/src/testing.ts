import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";

import { IoredisCache } from "./ioredis-cache";
import { startRedisHttpBridge } from "./redis-http/server";
import type { RedisHttpBridge } from "./redis-http/server";
import { UpstashCache } from "./upstash-cache";

export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// A fresh key prefix per cache: tests never see each other's keys, even across runs.
const testPrefix = () => `test:${randomBytes(6).toString("hex")}:`;

/** Redis as the app reaches it from REDIS_URL: the machine's shared one unless a URL is given. */
export function createTestRedisCache(redisUrl = testRedisUrl): {
  cache: IoredisCache;
  close: () => Promise<void>;
} {
  const cache = new IoredisCache({ url: redisUrl, prefix: testPrefix() });
  return { cache, close: () => cache.close() };
}

/** The same Redis behind the redis-http bridge, with the Upstash client in front. */
export async function createTestBridgedCache(
  redisUrl = testRedisUrl,
): Promise<{ cache: UpstashCache; bridge: RedisHttpBridge; close: () => Promise<void> }> {
  const token = randomBytes(16).toString("hex");
  const bridge = await startRedisHttpBridge({ redisUrl, token });
  return {
    cache: new UpstashCache({ url: bridge.url, token, prefix: testPrefix() }),
    bridge,
    close: () => bridge.close(),
  };
}

/** A Redis server of a test's own, to take down and bring back while the app serves. */
export interface DedicatedRedis {
  url: string;
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers. */
  pause(): void;
  resume(): void;
  /** Shuts it down: connections are refused until `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => (socket.destroy(), resolve(data.toString().startsWith("+PONG"))));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Starts `redis-server` on a free port with no persistence, never touching the machine's shared
 * Redis (other suites use it). Throws when redis-server is missing or does not come up.
 */
export async function startDedicatedRedis(): Promise<DedicatedRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    const started = spawn("redis-server", args, { stdio: "ignore" });
    child = started;
    const failed = new Promise<never>((_, reject) => {
      started.once("error", reject);
      started.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
    const ready = (async () => {
      for (let i = 0; i < 100; i++) {
        if (await answersPing(port)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server did not answer on port ${port}`);
    })();
    await Promise.race([ready, failed]);
    failed.catch(() => undefined);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGCONT"); // a frozen server cannot act on SIGTERM
    running.kill("SIGTERM");
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    pause: () => child?.kill("SIGSTOP"),
    resume: () => child?.kill("SIGCONT"),
    stop,
    start,
    close: stop,
  };
}
