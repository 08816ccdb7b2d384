export { hashPassword, verifyPassword } from "./password";
export { emailSchema, passwordSchema } from "./password-policy";
export { currentSessionVersion, endAllSessions, forgetSessionVersion } from "./session-version";
export { assertSignInAllowed, SIGN_IN_LIMITS, verifyCredentials } from "./sign-in";
