import { createServer, request } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { CLIENT_IP_HEADER, clientIp, parseTrustedProxies } from "@cadence/domain";

import { stampClientAddress } from "./client-address";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real node:http server doing what apps/web/server.ts does, answering the address it decided. */
async function listen(trustedProxies: string): Promise<number> {
  const trusted = parseTrustedProxies(trustedProxies);
  server = createServer((req, res) => {
    stampClientAddress(req, trusted);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    res.end(clientIp(headers));
  });
  await new Promise<void>((resolve) => server?.listen(0, "::", resolve));
  return (server?.address() as AddressInfo).port;
}

function askFrom(
  port: number,
  localAddress: string,
  headers: Record<string, string | string[]>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, localAddress, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

const forged = { "x-forwarded-for": "198.51.100.7", [CLIENT_IP_HEADER]: "198.51.100.8" };

describe("the client address the app's server decides", () => {
  it("is the socket's peer when no proxy is trusted, whatever the client claims", async () => {
    const port = await listen("");
    // A dual-stack socket reports 127.0.0.51 as ::ffff:127.0.0.51.
    expect(await askFrom(port, "127.0.0.51", forged)).toBe("127.0.0.51");
    expect(await askFrom(port, "127.0.0.52", {})).toBe("127.0.0.52");
  });

  it("comes from X-Forwarded-For when the peer is a trusted proxy, never from the app's own header", async () => {
    const port = await listen("127.0.0.53/32");
    expect(await askFrom(port, "127.0.0.53", forged)).toBe("198.51.100.7");
    // Two X-Forwarded-For headers are one list; the client's own entry on the left is ignored.
    expect(await askFrom(port, "127.0.0.53", { "x-forwarded-for": ["10.0.0.1", "203.0.113.9"] })).toBe(
      "203.0.113.9",
    );
    // Another machine is not trusted just because a trusted one exists.
    expect(await askFrom(port, "127.0.0.54", forged)).toBe("127.0.0.54");
  });
});
