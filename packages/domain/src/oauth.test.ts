import { describe, expect, it } from "vitest";

import { primaryVerifiedEmail, verifiedEmailOf } from "./oauth";

describe("primaryVerifiedEmail (GitHub's /user/emails)", () => {
  it("takes the primary address only when it is verified", () => {
    expect(
      primaryVerifiedEmail([
        { email: "old@example.com", primary: false, verified: true },
        { email: "Main@Example.com", primary: true, verified: true },
      ]),
    ).toBe("Main@Example.com");
    expect(
      primaryVerifiedEmail([
        { email: "main@example.com", primary: true, verified: false },
        { email: "other@example.com", primary: false, verified: true },
      ]),
    ).toBeNull();
    expect(primaryVerifiedEmail([])).toBeNull();
    expect(primaryVerifiedEmail({ message: "Bad credentials" })).toBeNull();
  });
});

describe("verifiedEmailOf", () => {
  it("trusts Google's email only with email_verified", () => {
    expect(verifiedEmailOf("google", { email: "a@example.com", email_verified: true })).toBe("a@example.com");
    expect(verifiedEmailOf("google", { email: "a@example.com", email_verified: false })).toBeNull();
    expect(verifiedEmailOf("google", { email: "a@example.com", email_verified: "true" })).toBeNull();
    expect(verifiedEmailOf("google", { email: "a@example.com" })).toBeNull();
  });

  it("trusts GitHub's email only when it came from the verified primary address", () => {
    expect(verifiedEmailOf("github", { email: "public@example.com" })).toBeNull();
    expect(
      verifiedEmailOf("github", { email: "p@example.com", primary_verified_email: "p@example.com" }),
    ).toBe("p@example.com");
  });

  it("trusts no other provider's email", () => {
    expect(verifiedEmailOf("gitlab", { email: "a@example.com", email_verified: true })).toBeNull();
    expect(verifiedEmailOf("google", undefined)).toBeNull();
  });
});
