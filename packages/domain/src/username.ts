import { randomBytes } from "node:crypto";

/** What a username may be: lower-case letters, digits, dot and underscore, 3 to 30 long. */
export const USERNAME_PATTERN = /^[a-z0-9._]{3,30}$/;

/**
 * A new listener's handle: their display name folded to ASCII letters and digits, and a random
 * suffix so that two listeners called "Ada" never race for the same one. Listeners are found
 * by it (profile URLs, invitations), so it is stable once made.
 */
export function newUsername(displayName: string, email: string): string {
  const fold = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^a-zA-Z0-9]+/g, "")
      .toLowerCase()
      .slice(0, 20);
  const base = fold(displayName) || fold(email.split("@")[0] ?? "") || "listener";
  return `${base}_${randomBytes(3).toString("hex")}`;
}
