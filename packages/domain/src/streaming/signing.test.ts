import { describe, expect, it } from "vitest";

import { signPlaylist } from "./playlist";
import { signGrant, verifyGrant } from "./signing";

const secret = "a-test-secret-that-is-long-enough-0001";
const trackA = "11111111-1111-4111-8111-111111111111";
const trackB = "22222222-2222-4222-8222-222222222222";
const now = Date.UTC(2026, 10, 24, 12);
const grant = { trackId: trackA, userId: "user-1", expiresAt: now / 1000 + 600 };

describe("stream URL signing", () => {
  const query = new URLSearchParams(signGrant(grant, secret));

  it("accepts its own signature before expiry", () => {
    expect(verifyGrant(trackA, query, secret, now)).toEqual({ ok: true, grant });
  });

  it("rejects it after expiry", () => {
    expect(verifyGrant(trackA, query, secret, now + 601_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("rejects a signature made for another track", () => {
    expect(verifyGrant(trackB, query, secret, now)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("rejects a tampered user, expiry or signature, and a different secret", () => {
    for (const [key, value] of [
      ["u", "user-2"],
      ["e", String(grant.expiresAt + 3600)],
      ["s", `${query.get("s")?.slice(0, -2)}xx`],
    ] as const) {
      const tampered = new URLSearchParams(query);
      tampered.set(key, value);
      expect(verifyGrant(trackA, tampered, secret, now).ok).toBe(false);
    }
    expect(verifyGrant(trackA, query, `${secret}!`, now).ok).toBe(false);
  });

  it("calls a missing part malformed", () => {
    const partial = new URLSearchParams(query);
    partial.delete("e");
    expect(verifyGrant(trackA, partial, secret, now)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("playlist signing", () => {
  it("signs every URI and points the key at the key route", () => {
    const media = [
      "#EXTM3U",
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-KEY:METHOD=AES-128,URI="key",IV=0x00000000000000000000000000000001',
      "#EXTINF:1.00000,",
      "seg-00000.m4s",
      "#EXT-X-ENDLIST",
      "",
    ].join("\n");
    const signed = signPlaylist(media, "u=1&e=2&s=3", "/api/keys/t");
    expect(signed).toContain('#EXT-X-MAP:URI="init.mp4?u=1&e=2&s=3"');
    expect(signed).toContain('URI="/api/keys/t",IV=0x00000000000000000000000000000001');
    expect(signed).toContain("\nseg-00000.m4s?u=1&e=2&s=3\n");
    expect(signed).toContain("#EXT-X-ENDLIST");
  });

  it("signs variant playlists in a master playlist", () => {
    const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=140000,CODECS="mp4a.40.2"\n128k/index.m3u8\n';
    expect(signPlaylist(master, "u=1&e=2&s=3", "/k")).toContain("\n128k/index.m3u8?u=1&e=2&s=3\n");
  });
});
