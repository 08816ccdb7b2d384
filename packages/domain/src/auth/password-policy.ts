import { z } from "zod";

// A short list of the most used passwords; length rules alone would let these through.
const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "12345678",
  "123456789",
  "1234567890",
  "qwerty123",
  "qwertyuiop",
  "iloveyou",
  "letmein123",
  "11111111",
  "00000000",
  "abc12345",
  "abcdefgh",
  "passw0rd",
  "welcome1",
  "football",
  "baseball",
  "sunshine",
  "princess",
  "trustno1",
]);

/** NIST-style: long enough, not trivially guessable; no composition rules, no truncation. */
export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters")
  .max(256, "Use at most 256 characters")
  .refine((p) => !COMMON.has(p.toLowerCase()), "This password is too common")
  .refine((p) => new Set(p).size >= 4, "Use a less repetitive password");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));
