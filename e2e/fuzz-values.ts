import { hostileString, percentEncode } from "@cadence/api/fuzz";
import fc from "fast-check";

// Hostile values for the route fuzz spec (fuzz-routes.spec.ts): paths, ranges, cookies, URL changes.

export const headerSafe = (text: string) => text.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?");

/** A path segment: random text percent-encoded, a real one, or traversal, NUL or broken encoding as is. */
export function segment(real: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileString.map((text) => percentEncode(text.slice(0, 300)) || "x") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...real, "master.m3u8", "index.m3u8", "init.mp4", "seg-00001.m4s"),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "%2e%2e",
        "..%2f..%2fetc%2fpasswd",
        "%00",
        "%zz",
        "%E0%A4%A",
        "%ED%A0%80",
        "a%2fb",
        "%5c",
        "x".repeat(300),
        "a.m3u8%00",
        "~",
        ".meta",
      ),
    },
  );
}

export const rangeHeader = fc.oneof(
  fc.constantFrom(
    "bytes=0-",
    "bytes=0-0",
    "bytes=-0",
    "bytes=-1",
    "bytes=5-2",
    "bytes=0-1,2-3",
    "bytes=99999999999999999999-",
    "bytes=-99999999999999999999",
    "bytes=1e3-",
    "bytes=-",
    "items=0-1",
    "bytes= 0-1",
    "bytes=0x10-",
  ),
  fc.tuple(fc.nat(), fc.option(fc.nat())).map(([from, to]) => `bytes=${from}-${to ?? ""}`),
  hostileString.map(headerSafe),
);

export const garbageToken = fc.oneof(
  hostileString.map(headerSafe),
  fc.constantFrom(
    "",
    "a.b.c",
    "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z",
    "eyJ.eyJ.sig",
    "%00",
    "x".repeat(8000),
    "=;=;=",
    "deleted",
  ),
  fc.base64String({ maxLength: 400 }),
);

const cookieNames = [
  "next-auth.session-token",
  "__Secure-next-auth.session-token",
  "next-auth.session-token.0",
  "next-auth.session-token.1",
  "next-auth.csrf-token",
  "__Host-next-auth.csrf-token",
  "next-auth.callback-url",
  "next-auth.pkce.code_verifier",
  "next-auth.state",
];

/** A Cookie header: the real session, next-auth cookie names with garbage, or junk. */
/** Stands for the demo listener's real session cookie until a request is made. */
const REAL_SESSION = "REAL_SESSION";

export const cookieHeader = fc.oneof(
  fc.constant(undefined),
  fc
    .array(fc.tuple(fc.constantFrom(...cookieNames), garbageToken), { minLength: 1, maxLength: 4 })
    .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join("; ")),
  garbageToken.map((junk) => junk),
  fc.tuple(garbageToken).map(([junk]) => `${REAL_SESSION}; next-auth.csrf-token=${junk}`),
  fc.constant(REAL_SESSION),
);

/** The headers with the drawn cookie, the placeholder replaced by the listener's real session. */
export function withCookie(
  headers: Record<string, string>,
  cookie: string | undefined,
  sessionCookie: string,
): Record<string, string> {
  if (cookie === undefined) return headers;
  return { ...headers, cookie: cookie.replace(REAL_SESSION, sessionCookie) };
}

export type UrlChange =
  | { kind: "none" }
  | { kind: "segment"; at: number; value: string }
  | { kind: "append"; value: string }
  | { kind: "param"; name: string; value: string | null };

/** A real stream URL with one thing changed: a path segment, an extra one, or a query parameter. */
export function changed(url: string, change: UrlChange): string {
  const [pathname = "", search = ""] = url.split("?");
  const parts = pathname.split("/");
  const query = new URLSearchParams(search);
  if (change.kind === "segment") parts[3 + (change.at % (parts.length - 3))] = change.value;
  if (change.kind === "append") parts.push(change.value);
  if (change.kind === "param") {
    if (change.value === null) query.delete(change.name);
    else query.set(change.name, change.value);
  }
  return `${parts.join("/")}?${query.toString()}`;
}
