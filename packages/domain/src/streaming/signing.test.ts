import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { signMasterPlaylist, signMediaPlaylist } from "./playlist";
import { RENDITION_BUCKET_SECONDS, signGrant, signRendition, verifyGrant, verifyRendition } from "./signing";

const secret = "a-test-secret-that-is-long-enough-0001";
const trackA = "11111111-1111-4111-8111-111111111111";
const trackB = "22222222-2222-4222-8222-222222222222";
const now = Date.UTC(2026, 10, 24, 12);
const grant = {
  trackId: trackA,
  userId: "user-1",
  expiresAt: now / 1000 + 600,
  maxKbps: 128,
  sessionVersion: 3,
};

describe("playlist grants", () => {
  const query = new URLSearchParams(signGrant(grant, secret));

  it("accepts its own signature before expiry", () => {
    expect(verifyGrant(trackA, query, secret, now)).toEqual({ ok: true, grant });
  });

  it("reads back as signed for any user id, whatever it must escape", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 16 }).filter((s) => s.length <= 64),
        (userId) => {
          const signed = new URLSearchParams(signGrant({ ...grant, userId }, secret));
          expect(verifyGrant(trackA, signed, secret, now)).toEqual({ ok: true, grant: { ...grant, userId } });
        },
      ),
    );
  });

  it("rejects it after expiry", () => {
    expect(verifyGrant(trackA, query, secret, now + 601_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("rejects a signature made for another track", () => {
    expect(verifyGrant(trackB, query, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("rejects a raised bitrate cap, another user, a later expiry or session version, and another secret", () => {
    for (const [key, value] of [
      ["q", "256"],
      ["u", "user-2"],
      ["e", String(grant.expiresAt + 3600)],
      ["v", "4"],
      ["s", `${query.get("s")?.slice(0, -2)}xx`],
    ] as const) {
      const tampered = new URLSearchParams(query);
      tampered.set(key, value);
      expect(verifyGrant(trackA, tampered, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
    }
    expect(verifyGrant(trackA, query, `${secret}!`, now).ok).toBe(false);
  });

  it("calls a missing or non-numeric part malformed", () => {
    for (const key of ["e", "q", "v", "u", "s"]) {
      const partial = new URLSearchParams(query);
      partial.delete(key);
      expect(verifyGrant(trackA, partial, secret, now)).toEqual({ ok: false, reason: "malformed" });
    }
    const odd = new URLSearchParams(query);
    odd.set("q", "1e9");
    expect(verifyGrant(trackA, odd, secret, now)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("rendition signatures", () => {
  const rendition = { trackId: trackA, encodingId: "abc123", renditionDir: "128k" };
  const query = new URLSearchParams(signRendition(rendition, secret, now));

  it("hold for the rest of the hour and the next, then expire", () => {
    expect(verifyRendition(rendition, query, secret, now).ok).toBe(true);
    expect(verifyRendition(rendition, query, secret, now + RENDITION_BUCKET_SECONDS * 1000).ok).toBe(true);
    expect(verifyRendition(rendition, query, secret, now + 2 * RENDITION_BUCKET_SECONDS * 1000)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("do not open another rendition, encoding or track", () => {
    for (const other of [
      { ...rendition, renditionDir: "256k" },
      { ...rendition, encodingId: "def456" },
      { ...rendition, trackId: trackB },
    ]) {
      expect(verifyRendition(other, query, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
    }
  });

  it("refuse a bucket from the future", () => {
    const later = new URLSearchParams(
      signRendition(rendition, secret, now + 3 * RENDITION_BUCKET_SECONDS * 1000),
    );
    expect(verifyRendition(rendition, later, secret, now).ok).toBe(false);
  });
});

describe("playlist rewriting", () => {
  const master = [
    "#EXTM3U",
    "#EXT-X-VERSION:7",
    '#EXT-X-STREAM-INF:BANDWIDTH=70000,CODECS="mp4a.40.2"',
    "64k/index.m3u8",
    '#EXT-X-STREAM-INF:BANDWIDTH=140000,CODECS="mp4a.40.2"',
    "128k/index.m3u8",
    '#EXT-X-STREAM-INF:BANDWIDTH=280000,CODECS="mp4a.40.2"',
    "256k/index.m3u8",
    "",
  ].join("\n");

  it("offers only the variants within the cap, each with the grant", () => {
    const signed = signMasterPlaylist(master, "u=1&s=2", 128);
    expect(signed).toContain("#EXT-X-VERSION:7");
    expect(signed).toContain("\n64k/index.m3u8?u=1&s=2\n");
    expect(signed).toContain("\n128k/index.m3u8?u=1&s=2\n");
    expect(signed).not.toContain("256k");
    expect(signed).not.toContain("BANDWIDTH=280000");
  });

  it("offers the lowest variant when the cap is below every rung", () => {
    const signed = signMasterPlaylist(master, "g=1", 32);
    expect(signed).toContain("64k/index.m3u8?g=1");
    expect(signed).not.toContain("128k");
  });

  it("signs init and segments with the rendition query and points the key at the key route", () => {
    const media = [
      "#EXTM3U",
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-KEY:METHOD=AES-128,URI="key",IV=0x00000000000000000000000000000001',
      "#EXTINF:1.00000,",
      "seg-00000.m4s",
      "#EXT-X-ENDLIST",
      "",
    ].join("\n");
    const signed = signMediaPlaylist(media, "b=1&r=2", "/api/keys/t");
    expect(signed).toContain('#EXT-X-MAP:URI="init.mp4?b=1&r=2"');
    expect(signed).toContain('URI="/api/keys/t",IV=0x00000000000000000000000000000001');
    expect(signed).toContain("\nseg-00000.m4s?b=1&r=2\n");
    expect(signed).toContain("#EXT-X-ENDLIST");
  });
});
