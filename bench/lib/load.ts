/**
 * HTTP load for the API benchmarks: node:http with keep-alive connections (lighter on the
 * shared CPU than fetch), timed to the last byte of the body.
 */
import http from "node:http";

export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
  ms: number;
}

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(connections: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.get(url, { agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? "",
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
      });
      req.on("error", reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface Burst {
  requests: number;
  failed: number;
  seconds: number;
  latenciesMs: number[];
}

/** As many requests as `concurrency` connections complete in `seconds`, each sent on the last's answer. */
export async function burst(
  client: HttpClient,
  url: string,
  headers: Record<string, string>,
  options: { seconds: number; concurrency: number; status?: number },
): Promise<Burst> {
  const expected = options.status ?? 200;
  const latenciesMs: number[] = [];
  let failed = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const answer = await client.get(url, headers).catch(() => null);
        if (answer?.status === expected) latenciesMs.push(answer.ms);
        else failed++;
      }
    }),
  );
  return {
    requests: latenciesMs.length,
    failed,
    seconds: (performance.now() - started) / 1000,
    latenciesMs,
  };
}
