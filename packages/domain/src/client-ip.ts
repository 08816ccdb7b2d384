/**
 * The caller's address as the nearest proxy saw it: the last X-Forwarded-For entry, which
 * Next.js (or the operator's reverse proxy) appends and a client cannot forge.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
