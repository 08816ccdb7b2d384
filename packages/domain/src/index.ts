// The domain layer's root: errors, the services it runs on, and the caller's address.
// Each area has its own entry point: @cadence/domain/{account,auth,catalog,streaming,listening,seed}.
export { AppError, httpStatusOf } from "./errors";
export type { AppErrorCode } from "./errors";
export type { DomainServices, Role, SessionUser } from "./services";
export { CLIENT_IP_HEADER, clientIp, parseTrustedProxies, resolveClientIp } from "./client-ip";
export type { TrustedProxies } from "./client-ip";
