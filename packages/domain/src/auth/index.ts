export { hashPassword, verifyPassword } from "./password";
export { emailSchema, passwordSchema } from "./password-policy";
export {
  currentSession,
  currentSessionVersion,
  endAllSessions,
  forgetSessionVersion,
  sessionClaims,
} from "./session-version";
export type { SessionState } from "./session-version";
export { admitPasswordAttempt, SIGN_IN_LIMITS } from "./password-attempts";
export { verifyCredentials } from "./sign-in";
export { deviceTokens } from "./device";
