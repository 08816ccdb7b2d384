import { describe, expect, it } from "vitest";

import {
  CLIENT_IP_HEADER,
  clientIp,
  normaliseAddress,
  parseTrustedProxies,
  resolveClientIp,
} from "./client-ip";

const resolve = (socketAddress: string | undefined, forwardedFor: string | string[] | undefined, spec = "") =>
  resolveClientIp({ socketAddress, forwardedFor, trusted: parseTrustedProxies(spec) });

describe("normaliseAddress", () => {
  it("gives one spelling per address", () => {
    expect(normaliseAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseAddress("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normaliseAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(normaliseAddress("::FFFF:c633:6407")).toBe("198.51.100.7");
    expect(normaliseAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("refuses what is not an address", () => {
    for (const bad of ["", "unknown", "example.com", "1.2.3", "1.2.3.4.5", "::g", "_hidden"]) {
      expect(normaliseAddress(bad), bad).toBeNull();
    }
  });
});

describe("parseTrustedProxies", () => {
  it("reads nothing, a hop count, or a list", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "hops", hops: 0 });
    expect(parseTrustedProxies("  ")).toEqual({ kind: "hops", hops: 0 });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustedProxies("10.0.0.0/8, 192.0.2.1, 2001:db8::/32, loopback").kind).toBe("list");
  });

  it("names the entry it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8,proxy.internal")).toThrow(/"proxy.internal"/);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseTrustedProxies("2001:db8::/129")).toThrow(/2001:db8::\/129/);
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow(/10.0.0.0\/8\/1/);
    expect(() => parseTrustedProxies("-1")).toThrow(/"-1"/);
  });
});

describe("resolveClientIp", () => {
  describe("reached directly (no trusted proxy)", () => {
    it("is the socket's peer, whatever X-Forwarded-For claims", () => {
      expect(resolve("203.0.113.9", undefined)).toBe("203.0.113.9");
      expect(resolve("203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
      expect(resolve("203.0.113.9", "198.51.100.1, 198.51.100.2")).toBe("203.0.113.9");
      expect(resolve("::ffff:203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
      expect(resolve("2001:db8::5", "198.51.100.1")).toBe("2001:db8::5");
    });

    it("is unknown without a socket address", () => {
      expect(resolve(undefined, "198.51.100.1")).toBe("unknown");
    });
  });

  describe("behind proxies named by address or CIDR", () => {
    const proxies = "10.0.0.0/8, 2001:db8:ffff::/48, 192.0.2.10";

    it("takes the address the nearest trusted proxy saw", () => {
      expect(resolve("10.1.2.3", "203.0.113.9", proxies)).toBe("203.0.113.9");
      expect(resolve("192.0.2.10", "203.0.113.9", proxies)).toBe("203.0.113.9");
      expect(resolve("2001:db8:ffff::1", "2001:db8:1::7", proxies)).toBe("2001:db8:1::7");
      // Node reports IPv4 peers on a dual-stack socket as IPv4-mapped IPv6.
      expect(resolve("::ffff:10.1.2.3", "203.0.113.9", proxies)).toBe("203.0.113.9");
    });

    it("walks back through several trusted proxies", () => {
      expect(resolve("10.0.0.1", "203.0.113.9, 10.0.0.7, 10.0.0.8", proxies)).toBe("203.0.113.9");
      // Repeated headers arrive as several values; together they are one list.
      expect(resolve("10.0.0.1", ["203.0.113.9", "10.0.0.7"], proxies)).toBe("203.0.113.9");
    });

    it("ignores what the client wrote to the left of the first untrusted address", () => {
      // The client sent "X-Forwarded-For: 10.9.9.9, 1.1.1.1"; the proxy appended its peer.
      expect(resolve("10.0.0.1", "10.9.9.9, 1.1.1.1, 203.0.113.9", proxies)).toBe("203.0.113.9");
      // A client posing as one of our proxies: the proxy that saw it appends its real address.
      expect(resolve("10.0.0.1", "10.0.0.5, 203.0.113.9", proxies)).toBe("203.0.113.9");
    });

    it("does not believe X-Forwarded-For from a peer that is not a trusted proxy", () => {
      expect(resolve("203.0.113.9", "10.0.0.1, 198.51.100.1", proxies)).toBe("203.0.113.9");
      expect(resolve("192.0.2.11", "198.51.100.1", proxies)).toBe("192.0.2.11");
    });

    it("reads ports and brackets, and stops at an entry that is not an address", () => {
      expect(resolve("10.0.0.1", "203.0.113.9:51234", proxies)).toBe("203.0.113.9");
      expect(resolve("10.0.0.1", "[2001:db8:1::7]:443", proxies)).toBe("2001:db8:1::7");
      expect(resolve("10.0.0.1", "[::ffff:203.0.113.9]", proxies)).toBe("203.0.113.9");
      expect(resolve("10.0.0.1", "203.0.113.9, unknown", proxies)).toBe("10.0.0.1");
      expect(resolve("10.0.0.1", "", proxies)).toBe("10.0.0.1");
      expect(resolve("10.0.0.1", undefined, proxies)).toBe("10.0.0.1");
    });

    it("knows the loopback and private keywords", () => {
      expect(resolve("127.0.0.1", "203.0.113.9", "loopback")).toBe("203.0.113.9");
      expect(resolve("::1", "203.0.113.9", "loopback")).toBe("203.0.113.9");
      expect(resolve("172.20.0.3", "203.0.113.9", "private")).toBe("203.0.113.9");
      expect(resolve("fd12::3", "203.0.113.9", "private")).toBe("203.0.113.9");
      expect(resolve("172.32.0.3", "203.0.113.9", "private")).toBe("172.32.0.3");
    });
  });

  describe("behind a known number of proxies", () => {
    it("takes the entry that many hops from the right", () => {
      expect(resolve("10.0.0.1", "203.0.113.9", "1")).toBe("203.0.113.9");
      expect(resolve("10.0.0.1", "198.51.100.1, 203.0.113.9", "1")).toBe("203.0.113.9");
      expect(resolve("10.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.2", "2")).toBe("203.0.113.9");
    });

    it("never goes further left than the proxies it was told about", () => {
      // A client prepending entries cannot move the answer.
      expect(resolve("10.0.0.1", "6.6.6.6, 7.7.7.7, 203.0.113.9", "1")).toBe("203.0.113.9");
      // Fewer entries than hops (a proxy was bypassed): the leftmost one there is.
      expect(resolve("10.0.0.1", "203.0.113.9", "3")).toBe("203.0.113.9");
      expect(resolve("10.0.0.1", undefined, "1")).toBe("10.0.0.1");
    });
  });
});

describe("clientIp", () => {
  it("reads only the header the app's server sets", () => {
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" }))).toBe(
      "unknown",
    );
  });
});
