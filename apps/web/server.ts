/**
 * The app's HTTP server: Next.js behind a node:http server that decides who the client is.
 * The address comes from the socket, and from X-Forwarded-For only as far as TRUSTED_PROXIES
 * vouch for it; it travels to the app in x-cadence-client-ip, overwriting anything a client sent.
 * (`next start` cannot do this: it only fills X-Forwarded-For when the client left it out.)
 * It answers /api/trpc itself (src/server/trpc-node.ts): Next.js's route pipeline cost more
 * CPU than most API calls. `npm start` calls startServer() in its own process; `tsx server.ts`
 * runs it alone.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";

import next from "next";

import { env } from "./src/env";
import { stampClientAddress } from "./src/server/client-address";
import { engines } from "./src/server/engines";
import { startMusicFolder, stopMusicFolder } from "./src/server/music-folder";
import { isApiRequest, serveApiNode } from "./src/server/trpc-node";

/** Whether the path's percent-encoding decodes: Next.js answers 500 to one that does not. */
function decodablePath(url = "/"): boolean {
  try {
    decodeURIComponent(url.split("?")[0] ?? "/");
    return true;
  } catch {
    return false;
  }
}

/** Serves the built app on PORT; resolves once it listens, rejects when it cannot. */
export async function startServer(): Promise<Server> {
  // Opened here, before Next.js, so that the pages' bundle uses this server's database and cache.
  engines();
  // MUSIC_DIR is scanned in the background and watched; the admin console shows and rescans it.
  await startMusicFolder();
  const app = next({ dir: import.meta.dirname, dev: false, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    if (!decodablePath(req.url)) {
      res
        .writeHead(400, { "Content-Type": "text/plain; charset=utf-8" })
        .end("Bad request: malformed URL encoding");
      return;
    }
    stampClientAddress(req, env.TRUSTED_PROXIES);
    (isApiRequest(req) ? serveApiNode(req, res) : handle(req, res)).catch((error: unknown) => {
      console.error("[server] unhandled error", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, () => {
      server.off("error", reject);
      resolve();
    });
  });
  console.log(`[server] listening on port ${env.PORT}`);

  function shutdown() {
    void stopMusicFolder();
    server.close(() => void app.close().then(() => process.exit(0)));
    // Keep-alive connections would hold close() open.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  }
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await startServer().catch((error: unknown) => {
    console.error("[server] cannot serve:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
