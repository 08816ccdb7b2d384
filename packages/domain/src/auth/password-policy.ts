import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// zxcvbn's list of the ~49,000 most used passwords (lowercase, MIT): length rules alone would
// let "superman1" through.
const COMMON = new Set(dictionary["passwords-common"]);

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
