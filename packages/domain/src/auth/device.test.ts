import { describe, expect, it } from "vitest";

import { deviceTokens } from "./device";

const secret = "a test secret that is long enough to sign with";
const userId = "6f1c2d4e-0000-4000-8000-000000000001";

describe("device tokens", () => {
  it("vouch for the account they were issued to", () => {
    const tokens = deviceTokens(secret);
    expect(tokens.verify(tokens.issue(userId))).toBe(userId);
  });

  it("refuse forged, altered, foreign and malformed tokens", () => {
    const tokens = deviceTokens(secret);
    const token = tokens.issue(userId);
    const [, issued, signature] = token.split(".");
    const other = "6f1c2d4e-0000-4000-8000-000000000002";
    for (const bad of [
      `${other}.${issued}.${signature}`,
      `${userId}.${Number(issued) + 1}.${signature}`,
      `${token}x`,
      `${token}.extra`,
      deviceTokens("another secret altogether, also long").issue(userId),
      "",
      "garbage",
      "..",
      `${userId}.1e9.${signature}`,
      "x".repeat(10_000),
      null,
      undefined,
    ]) {
      expect(tokens.verify(bad), String(bad).slice(0, 60)).toBeNull();
    }
  });

  it("expire after a year", () => {
    let now = Date.UTC(2026, 0, 1);
    const tokens = deviceTokens(secret, () => now);
    const token = tokens.issue(userId);
    now += 364 * 24 * 3600 * 1000;
    expect(tokens.verify(token)).toBe(userId);
    now += 2 * 24 * 3600 * 1000;
    expect(tokens.verify(token)).toBeNull();
  });
});
