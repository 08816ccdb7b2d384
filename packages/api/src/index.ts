import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

// The API's public surface: the router, its context and types. Domain functions are imported
// from @cadence/domain by whoever needs them, never through here.
export { appRouter } from "./root";
export type { AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { createTRPCContext } from "./context";
export { isPasswordChangeRequired } from "./password-change";
export { handleTRPCRequest } from "./http";
export type { TRPCHttpOptions } from "./http";
export type { ApiServices, Session } from "./context";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
