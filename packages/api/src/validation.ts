import ipaddr from "ipaddr.js";
import { z } from "zod";

// Shared input rules: what a text, a date or an address from a client may be, so that a
// value the database cannot hold is refused with a field message instead of failing a query.

// C0 and C1 controls (NUL included) and DEL, line and paragraph separators, and the bidi
// embeddings, overrides and isolates that make a name read differently from what it is.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/u;
// Half of a surrogate pair: not a character, and not encodable as UTF-8.
const LONE_SURROGATE = /\p{Cs}/u;

export interface SingleLineOptions {
  max: number;
  /** At least one character, with this message when empty. */
  required?: string;
}

/** One line of text a person types: trimmed, bounded, no control characters or broken unicode. */
export function singleLine({ max, required }: SingleLineOptions) {
  const text = z.string().trim();
  return (required ? text.min(1, required) : text)
    .max(max, `Use at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), "Remove control characters")
    .refine((value) => !LONE_SURROGATE.test(value), "Contains a broken character");
}

/** An opaque token from a client (ids it makes up, keys of a detail map): letters, digits, `_-.:`. */
export function token(max: number) {
  return z
    .string()
    .min(1, "Required")
    .max(max, `Use at most ${max} characters`)
    .regex(/^[A-Za-z0-9_.:-]+$/, "Use letters, digits and _ - . : only");
}

/** The dates any field may hold; a field with a narrower meaning narrows them further. */
export const EARLIEST = new Date("1900-01-01T00:00:00Z");
export const LATEST = new Date("2200-01-01T00:00:00Z");

/** A date between `min` and `max` (a date, or a function of now); `coerce` also takes ISO strings. */
export function dateBetween(
  options: { min?: Date; max?: Date | (() => Date); coerce?: boolean; message?: string } = {},
) {
  const { min = EARLIEST, max = LATEST, coerce = false } = options;
  const latest = typeof max === "function" ? max : () => max;
  const message = options.message ?? `Use a date between ${day(min)} and ${day(latest())}`;
  return (coerce ? z.coerce.date() : z.date())
    .min(min, message)
    .refine((date) => date.getTime() <= latest().getTime(), message);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

// Ranges a public address must be in: ipaddr.js calls everything else loopback, private,
// link-local, unique-local, reserved, multicast, carrier-grade NAT and so on.
const PUBLIC_RANGE = "unicast";
const LOCAL_NAME = /(^|\.)(localhost|local|internal|lan|home\.arpa|localdomain)$/i;

function isPublicHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(host)) return !LOCAL_NAME.test(host.replace(/\.$/, "")) && host.includes(".");
  const address = ipaddr.process(host);
  return address.range() === PUBLIC_RANGE;
}

/**
 * An address a listener gives us that other people's browsers will load (an avatar): https,
 * no user name or password in it, not a local or private host, at most `max` characters.
 */
export function publicHttpsUrl(max = 2048) {
  return (
    z
      .string()
      .trim()
      .max(max, `Use at most ${max} characters`)
      // The URL parser would accept (and escape) these, but the address we keep is the one given.
      .refine(
        (value) => !CONTROL.test(value) && !LONE_SURROGATE.test(value) && !/\s/.test(value),
        "Enter the address without spaces or control characters",
      )
      .pipe(z.url({ protocol: /^https$/, error: "Enter an https:// web address" }))
      .refine((value) => {
        const url = new URL(value);
        return url.username === "" && url.password === "";
      }, "Leave out the user name and password")
      .refine((value) => isPublicHost(new URL(value).hostname), "Use a public web address")
  );
}

/**
 * The paging part of a list's input, as tRPC's infinite queries send it: the cursor the previous
 * page handed out (opaque base64url, checked inside by the domain; absent or null for the first
 * page) and the direction, forward only.
 */
export const paging = {
  cursor: token(2048).nullish(),
  direction: z.literal("forward", "Lists page forward only").optional(),
};
