import { describe, expect, it } from "vitest";

import {
  contentSecurityPolicy,
  newNonce,
  PERMISSIONS_POLICY,
  strictTransportSecurity,
} from "./security-headers";

const directives = (csp: string) =>
  new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("the content security policy", () => {
  it("runs scripts by nonce only, never inline or eval'd in production", () => {
    const csp = directives(contentSecurityPolicy("abc123", { https: false, dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("locks down framing, plugins, base and where the page may connect", () => {
    const csp = directives(contentSecurityPolicy("n", { https: false, dev: false }));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    // hls.js: MediaSource object URLs and its inline worker.
    expect(csp.get("media-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
  });

  it("upgrades subresources only on https", () => {
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: false, dev: false })).not.toContain("upgrade-insecure");
  });

  it("allows eval and inline styles only for the dev server", () => {
    const csp = directives(contentSecurityPolicy("n", { https: false, dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });
});

describe("nonces", () => {
  it("are 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("other headers", () => {
  it("asks for HSTS only when the public URL is https", () => {
    expect(strictTransportSecurity("https://music.example.com")).toMatch(/^max-age=\d{8}/);
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });

  it("denies sensors and capture, allows playback features to the app itself", () => {
    for (const feature of ["camera", "microphone", "geolocation", "usb", "payment"]) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    }
    expect(PERMISSIONS_POLICY).toContain("autoplay=(self)");
    expect(PERMISSIONS_POLICY).toContain("encrypted-media=(self)");
  });
});
