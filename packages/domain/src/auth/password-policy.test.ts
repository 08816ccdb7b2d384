import { describe, expect, it } from "vitest";

import { passwordSchema } from "./password-policy";

const refusal = (password: string) => passwordSchema.safeParse(password).error?.issues[0]?.message;

describe("passwordSchema", () => {
  it("refuses passwords from a list of tens of thousands of common ones, whatever their case", () => {
    for (const common of [
      "password",
      "jennifer",
      "superman",
      "1qaz2wsx",
      "starwars",
      "michelle",
      "corvette",
      "whatever",
      "Computer",
      "IloveYou1",
      "zaq12wsx",
      "q1w2e3r4t5",
    ]) {
      expect(refusal(common), common).toBe("This password is too common");
    }
  });

  it("accepts a strong password", () => {
    for (const strong of [
      "a tune you can hum 4ever",
      "Ω-lantern-92-quietly",
      "correct horse battery staple",
    ]) {
      expect(passwordSchema.safeParse(strong).success, strong).toBe(true);
    }
  });

  it("keeps the length and repetition rules", () => {
    expect(refusal("Zq9!x")).toBe("Use at least 8 characters");
    expect(refusal("x".repeat(257))).toBe("Use at most 256 characters");
    expect(refusal("abababababab")).toBe("Use a less repetitive password");
  });
});
