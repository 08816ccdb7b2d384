import { BlockList, isIP } from "node:net";

/**
 * The header the app's own HTTP server (apps/web/server.ts) sets on every request, overwriting
 * whatever a client sent, to the address `resolveClientIp` decided on. Nothing else sets it.
 */
export const CLIENT_IP_HEADER = "x-cadence-client-ip";

/** What `clientIp` answers outside the app's server, where no address was resolved. */
export const UNKNOWN_CLIENT_IP = "unknown";

/** The caller's address as the app's server resolved it; "unknown" outside that server. */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) || UNKNOWN_CLIENT_IP;
}

/** Which peers may tell us who the client is: the last `hops` proxies, or proxies by address. */
export type TrustedProxies = { kind: "hops"; hops: number } | { kind: "list"; list: BlockList };

const KEYWORDS: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * Parses TRUSTED_PROXIES: empty (trust no proxy: the socket's peer is the client), a hop count
 * ("1": one proxy in front), or a comma-separated list of addresses, CIDRs and the keywords
 * `loopback` and `private`. Throws on anything else, naming the bad entry.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const trimmed = spec?.trim() ?? "";
  if (trimmed === "") return { kind: "hops", hops: 0 };
  if (/^\d+$/.test(trimmed)) return { kind: "hops", hops: Number(trimmed) };
  const list = new BlockList();
  const entries = trimmed.split(",").map((entry) => entry.trim());
  for (const entry of entries.flatMap((e) => KEYWORDS[e.toLowerCase()] ?? [e])) {
    const [address = "", prefix, extra] = entry.split("/");
    const normalised = normaliseAddress(address);
    const family = normalised && isIP(normalised) === 4 ? "ipv4" : "ipv6";
    const maxPrefix = family === "ipv4" ? 32 : 128;
    const bits = prefix === undefined ? maxPrefix : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
    if (!normalised || extra !== undefined || !(bits >= 0 && bits <= maxPrefix)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address, a CIDR or a hop count`);
    }
    list.addSubnet(normalised, bits, family);
  }
  return { kind: "list", list };
}

/**
 * The canonical form of an IP address (lower-case, zeros compressed, IPv4-mapped IPv6 as
 * IPv4, zone dropped), so one host is one rate-limit key; null when it is not an address.
 */
export function normaliseAddress(value: string): string | null {
  const address = value.trim().replace(/%[^%]*$/, "");
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return null;
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1] ?? "0", 16), parseInt(mapped[2] ?? "0", 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** One X-Forwarded-For entry: an address, possibly with a port ("1.2.3.4:5", "[::1]:5"). */
function forwardedAddress(entry: string): string | null {
  const value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return normaliseAddress(bracketed[1] ?? "");
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  return normaliseAddress(v4WithPort?.[1] ?? value);
}

function trusts(trusted: TrustedProxies, address: string, hop: number): boolean {
  if (trusted.kind === "hops") return hop < trusted.hops;
  return trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address. The socket's peer is believed; X-Forwarded-For only as far as it was
 * written by trusted proxies: walking from the right, each trusted hop vouches for the entry
 * before it, and the first untrusted address is the client. Entries left of it are the
 * client's own claims and are ignored. An entry that is not an address stops the walk at the
 * proxy that passed it on.
 */
export function resolveClientIp(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trusted: TrustedProxies;
}): string {
  const socket = input.socketAddress ? normaliseAddress(input.socketAddress) : null;
  if (!socket) return "unknown";
  const header = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : input.forwardedFor;
  const chain = (header ?? "").split(",").filter((entry) => entry.trim() !== "");
  let client = socket;
  for (let hop = 0; trusts(input.trusted, client, hop); hop++) {
    const entry = chain.pop();
    const next = entry === undefined ? null : forwardedAddress(entry);
    if (!next) break;
    client = next;
  }
  return client;
}
