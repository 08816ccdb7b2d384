import { request } from "node:http";

/**
 * HTTP from a chosen loopback address (127.0.0.2 and up are all this machine), so a spec can be
 * "another machine" to the app's server: its own throttles, untouched by the other specs'.
 */
export interface FromAddress {
  post(path: string, body: string, headers: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function fromAddress(localAddress: string, baseURL: string | undefined): FromAddress {
  const port = Number(new URL(baseURL ?? "http://localhost:3210").port);
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, localAddress, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on("error", reject);
      req.end(body);
    });
  return {
    post: (path, body, headers) => send("POST", path, headers, body),
    get: (path, headers = {}) => send("GET", path, headers),
  };
}

/** Headers a client would forge to pass for someone else. */
export function forgedAddressHeaders(i: number): Record<string, string> {
  const madeUp = `198.51.100.${i % 250}`;
  return {
    "x-forwarded-for": `${madeUp}, 203.0.113.${i % 250}`,
    "x-real-ip": madeUp,
    "x-cadence-client-ip": madeUp,
    forwarded: `for=${madeUp}`,
  };
}

/** A tRPC sign-up as the web form sends it. */
export function signUpBody(email: string, password: string): string {
  return JSON.stringify({ json: { email, password, displayName: "Edge" } });
}

/** A password sign-in the way next-auth's client posts it (CSRF cookie and token first). */
export async function signInFrom(
  client: FromAddress,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const csrf = await client.get("/api/auth/csrf", headers);
  const cookie = [csrf.headers["set-cookie"] ?? []]
    .flat()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ email, password, csrfToken, json: "true" }).toString();
  return client.post("/api/auth/callback/credentials", form, {
    ...headers,
    cookie,
    "content-type": "application/x-www-form-urlencoded",
  });
}
