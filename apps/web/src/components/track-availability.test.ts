import { describe, expect, it } from "vitest";

import { applyListenerSettings, EXPLICIT_OFF_REASON } from "./track-availability";

const stream = { url: "/api/stream/t/e/master.m3u8?s=x", expiresAt: 0 };
const clean = { explicit: false, playable: true, unavailableReason: null, stream };
const explicit = { explicit: true, playable: true, unavailableReason: null, stream };
const regionLocked = {
  explicit: true,
  playable: false,
  unavailableReason: "This track is not available in your country",
  stream: null,
};

describe("applyListenerSettings", () => {
  it("greys out explicit tracks, with the reason, when explicit content is off", () => {
    const [a, b] = applyListenerSettings([clean, explicit], { explicitContent: false });
    expect(a).toBe(clean);
    expect(b).toEqual({
      explicit: true,
      playable: false,
      unavailableReason: EXPLICIT_OFF_REASON,
      stream: null,
    });
  });

  it("leaves every track as the catalog said when explicit content is on", () => {
    expect(applyListenerSettings([clean, explicit], { explicitContent: true })).toEqual([clean, explicit]);
  });

  it("keeps the catalog's own reason for a track that was already unavailable", () => {
    expect(applyListenerSettings([regionLocked], { explicitContent: false })).toEqual([regionLocked]);
  });
});
