import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { appRouter } from "./root";
export type { AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { createTRPCContext } from "./context";
export type { ApiServices, Session, SessionUser, Role } from "./context";
export { AppError } from "./errors";
export { hashPassword } from "./auth/password";
export { assertSignInAllowed, verifyCredentials, SIGN_IN_LIMITS } from "./auth/sign-in";
export { currentSessionVersion, endAllSessions } from "./auth/session-version";
export { createAccount } from "./domain/account";
export { clientIp } from "./request";
export { contentKey, objectKeyOf, STREAM_BASE } from "./domain/playback";
export type { StreamConfig } from "./domain/playback";
export { verifyGrant } from "./streaming/signing";
export { signPlaylist } from "./streaming/playlist";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
