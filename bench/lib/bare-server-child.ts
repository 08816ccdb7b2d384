/**
 * The baseline of the API benchmarks (see bare-server.ts): a bare node:http handler answering each path with the status and
 * bytes captured from the app, nothing else. Its own process, as the app has its own:
 *   tsx bench/lib/bare-server-child.ts <bodies.json>   (prints "listening <port>" when ready)
 * bodies.json: { [path]: { status, contentType, base64 } }.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const file = process.argv[2];
if (!file) throw new Error("usage: bare-server-child.ts <bodies.json>");
const bodies = new Map(
  Object.entries(
    JSON.parse(readFileSync(file, "utf8")) as Record<
      string,
      { status: number; contentType: string; base64: string }
    >,
  ).map(([path, { status, contentType, base64 }]) => [
    path,
    { status, contentType, body: Buffer.from(base64, "base64") },
  ]),
);

const server = createServer((req, res) => {
  const found = bodies.get(req.url ?? "");
  if (!found) {
    res.writeHead(404).end();
    return;
  }
  res
    .writeHead(found.status, { "Content-Type": found.contentType, "Content-Length": found.body.length })
    .end(found.body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
