import { describe, expect, it } from "vitest";

import { safeCallbackPath, sameOriginUrl } from "./callback-url";

const origin = "https://music.example.com";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/album/42?from=home#top", origin)).toBe("/album/42?from=home#top");
    expect(safeCallbackPath("/", origin)).toBe("/");
    expect(safeCallbackPath("/account", origin)).toBe("/account");
    expect(safeCallbackPath(`${origin}/artist/7`, origin)).toBe("/artist/7");
    expect(safeCallbackPath("/search?q=%2F%2Fnot-a-host", origin)).toBe("/search?q=%2F%2Fnot-a-host");
  });

  it("sends anything that could leave the site to the home page", () => {
    const nasty = [
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "\\\\evil.example",
      "/%09/evil.example",
      "/%2F/evil.example",
      "/%2f%2fevil.example",
      "/%5Cevil.example",
      "/%5C%5Cevil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      " //evil.example",
      "/%0a/evil.example",
      "/%00/evil.example",
      "https://evil.example",
      "https://evil.example/",
      "https://music.example.com.evil.example/",
      "https://music.example.com@evil.example/",
      "http://music.example.com/",
      "https://music.example.com:444/",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "//%09/evil.example",
      "/%E0%A4%A",
      "http://x:y/",
      "",
      null,
      undefined,
    ];
    for (const value of nasty) expect(safeCallbackPath(value, origin), JSON.stringify(value)).toBe("/");
  });
});

describe("sameOriginUrl", () => {
  it("answers an absolute URL on the origin, and null for a malformed origin or value", () => {
    expect(sameOriginUrl("/x", "http://localhost:3000")?.href).toBe("http://localhost:3000/x");
    expect(sameOriginUrl("/x", "not a url")).toBeNull();
    expect(sameOriginUrl("http://x:y/", "http://localhost:3000")).toBeNull();
  });
});
