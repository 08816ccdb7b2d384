import { describe, expect, it } from "vitest";

import { dateBetween, publicHttpsUrl, singleLine, token } from "./validation";

describe("input rules", () => {
  it("keeps one line of text to printable characters, trimmed", () => {
    const name = singleLine({ max: 10, required: "Enter a name" });
    expect(name.parse("  Zoë 李  ")).toBe("Zoë 李");
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("Enter a name");
    for (const bad of ["a\u0000", "a\nb", "a\tb", "a\u0085", "a\u2028b", "\u202eab", "a\ud800", "\udc00"]) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(name.safeParse("x".repeat(11)).error?.issues[0]?.message).toBe("Use at most 10 characters");
  });

  it("takes tokens of letters, digits and a little punctuation", () => {
    expect(token(64).parse("c2a1e4c6-9b0f-4a8e-b3a4-0e9f1c2d3e4f")).toBeTruthy();
    expect(token(64).parse("lz3k9-4f8a9c2d")).toBeTruthy();
    for (const bad of ["", "a b", "a\u0000", "ä", "x".repeat(65), "__proto__]"]) {
      expect(token(64).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("bounds dates, with a moving upper bound when asked", () => {
    const any = dateBetween();
    expect(any.safeParse(new Date("1899-12-31T23:59:59Z")).success).toBe(false);
    expect(any.safeParse(new Date("2199-12-31T00:00:00Z")).success).toBe(true);
    expect(any.safeParse(new Date(Number.NaN)).success).toBe(false);
    const recent = dateBetween({ min: new Date("2000-01-01"), max: () => new Date(), coerce: true });
    expect(recent.safeParse(new Date(Date.now() - 1000).toISOString()).success).toBe(true);
    expect(recent.safeParse(new Date(Date.now() + 60_000).toISOString()).success).toBe(false);
    expect(recent.safeParse("yesterday").success).toBe(false);
  });

  it("takes public https addresses by name or number, and nothing local", () => {
    const url = publicHttpsUrl(100);
    for (const good of [
      "https://images.example.com/a.png?size=64",
      "https://93.184.215.14/a.png",
      "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/a.png",
      "https://bücher.example/a.png",
    ]) {
      expect(url.safeParse(good).success, good).toBe(true);
    }
    for (const bad of [
      "https://intranet/a.png",
      "https://printer.local/a.png",
      "https://localhost./a.png",
      "https://0.0.0.0/a.png",
      "https://100.64.0.1/a.png",
      "https://[fe80::1]/a.png",
      "https://224.0.0.1/a.png",
      "ftp://images.example.com/a.png",
      "https://:pw@images.example.com/",
    ]) {
      expect(url.safeParse(bad).success, bad).toBe(false);
    }
  });
});
