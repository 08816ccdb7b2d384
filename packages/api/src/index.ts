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

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
