import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

import type { AppError, AppErrorCode } from "@cadence/domain";

const trpcCode: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  THROTTLED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

/** Domain errors become tRPC errors here and only here. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCode[error.code], message: error.message, cause: error });
}
