export type AppErrorCode =
  "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHENTICATED" | "THROTTLED" | "UNAVAILABLE";

/**
 * A domain failure as data. Domain functions throw these; the API maps them to tRPC errors
 * in one place, and route handlers to HTTP statuses through `httpStatusOf`, carrying the field
 * a form should highlight.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
    /** Facts a client acts on, e.g. which tracks were already in a playlist. Never secrets. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

const httpStatus: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID: 400,
  UNAUTHENTICATED: 401,
  THROTTLED: 429,
  UNAVAILABLE: 503,
};

/** The one AppError -> HTTP status map, for route handlers that answer outside tRPC. */
export function httpStatusOf(error: AppError): number {
  return httpStatus[error.code];
}
