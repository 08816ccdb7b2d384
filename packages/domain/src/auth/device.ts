import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Tokens that mark a browser as one an account has signed in from, so that browser passes the
 * per-account sign-in ceiling a distributed attack can reach. Signed with a key derived from the
 * app's secret, bound to the account, valid for a year.
 */
export function deviceTokens(secret: string, now: () => number = Date.now) {
  const key = createHash("sha256").update(`cadence device token\n${secret}`).digest();
  const sign = (userId: string, issuedAt: number) =>
    createHmac("sha256", key).update(`${userId}\n${issuedAt}`).digest("base64url");
  return {
    maxAgeSeconds: MAX_AGE_SECONDS,

    issue(userId: string): string {
      const issuedAt = Math.floor(now() / 1000);
      return `${userId}.${issuedAt}.${sign(userId, issuedAt)}`;
    },

    /** The account the token was issued to, or null for anything forged, altered or expired. */
    verify(token: string | null | undefined): string | null {
      const [userId, issued, signature, ...rest] = (token ?? "").split(".");
      if (!userId || !issued || !signature || rest.length > 0 || !/^\d{1,12}$/.test(issued)) return null;
      const issuedAt = Number(issued);
      if (Math.floor(now() / 1000) - issuedAt > MAX_AGE_SECONDS) return null;
      const expected = Buffer.from(sign(userId, issuedAt));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
    },
  };
}
