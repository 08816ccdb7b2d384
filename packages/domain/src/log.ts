import { AsyncLocalStorage } from "node:async_hooks";

import { pino } from "pino";

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * The server log: JSON lines on stdout (pino). A line written while a request is served
 * carries that request's id, the one its answer names, so an operator can find the detail
 * behind a listener's "Something went wrong".
 */
export const log = pino(
  {
    mixin: () => requestScope.getStore() ?? {},
    // Errors keep their cause chain (a failed query and the driver error under it).
    serializers: { err: pino.stdSerializers.errWithCause },
  },
  // process.stdout rather than pino's own fd writer, so tests can read what was logged.
  process.stdout,
);

/** Runs `fn` as the handling of one request: everything it logs carries `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
