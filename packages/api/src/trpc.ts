import { randomUUID } from "node:crypto";

import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";

import type { TRPCContext } from "./context";
import { AppError, clientIp } from "@cadence/domain";
import { currentRequestId, log } from "@cadence/domain/log";
import { admitRequest } from "@cadence/domain/request-limits";
import type { RequestKind } from "@cadence/domain/request-limits";

import { toTRPCError } from "./errors";
import { requirePasswordChanged } from "./password-change";
import { transformer } from "./transformer";

/** What a client sees of a failure on our side; the detail is logged under the request id. */
export const INTERNAL_MESSAGE = "Something went wrong on our side";

const t = initTRPC.context<TRPCContext>().create({
  transformer,
  // Stack traces name files on the server: they go to the log, never into an answer.
  isDev: false,
  errorFormatter({ shape, error, path }) {
    const cause = error.cause;
    const requestId = currentRequestId() ?? randomUUID();
    if (shape.data.httpStatus >= 500 && !(cause instanceof AppError)) {
      log.error({ err: error.cause ?? error, path, requestId }, "internal error");
      return {
        ...shape,
        message: INTERNAL_MESSAGE,
        data: { ...shape.data, requestId },
      };
    }
    return {
      ...shape,
      // zod's own message is its issue list as JSON; people (and logs) read this better.
      message: cause instanceof ZodError ? readable(cause) : shape.message,
      data: definedOnly({
        ...shape.data,
        requestId,
        // Field messages for forms: zod issues flattened, or the field a domain error names.
        fieldErrors:
          cause instanceof ZodError
            ? z.flattenError(cause).fieldErrors
            : cause instanceof AppError && cause.field
              ? { [cause.field]: [cause.message] }
              : undefined,
        retryAfterSeconds: cause instanceof AppError ? cause.retryAfterSeconds : undefined,
        details: cause instanceof AppError ? cause.details : undefined,
      }),
    };
  },
});

/**
 * The fields that have a value: an undefined one would send every error answer (a 401 too)
 * through superjson's slow path to say so (see transformer.ts); absent reads the same.
 */
function definedOnly<T extends Record<string, unknown>>(data: T): T {
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return data;
}

/** The first few issues, one line: "displayName: Use at most 60 characters; country: …". */
function readable(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become tRPC errors here and only here. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

/** Requires a session; `ctx.session.user` is non-null from here on. */
const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  // Only what changes: tRPC merges it into the context itself.
  return next({ ctx: { session: ctx.session } });
});
export const protectedProcedure = signedInProcedure.use(requirePasswordChanged);

// Counted after the session check and before the input is read: a malformed call still counts.
const limitedProcedure = (kind: RequestKind) =>
  protectedProcedure.use(async ({ ctx, next }) => {
    await admitRequest(
      ctx,
      kind,
      { userId: ctx.session.user.id, ip: clientIp(ctx.headers) },
      ctx.requestLimits?.[kind],
    );
    return next();
  });

/** Changes something: limited per account and per address (RATE_LIMIT_WRITES_*); 429 beyond. */
export const writeProcedure = limitedProcedure("write");

/** A read that costs the database real work (catalog and library pages): RATE_LIMIT_READS_*. */
export const expensiveReadProcedure = limitedProcedure("expensive-read");

/** The admin console's: the seeded admin account only; everyone else is FORBIDDEN. */
const requireAdmin = t.middleware(({ ctx, next }) => {
  if (ctx.session?.user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Administrators only" });
  }
  return next();
});
export const adminProcedure = protectedProcedure.use(requireAdmin);
export const adminReadProcedure = expensiveReadProcedure.use(requireAdmin);
export const adminWriteProcedure = writeProcedure.use(requireAdmin);
