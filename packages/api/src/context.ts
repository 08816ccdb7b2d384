import type { DomainServices, SessionUser } from "@cadence/domain";
import type { StreamConfig } from "@cadence/domain/streaming";

export interface Session {
  user: SessionUser;
}

/** The engines every procedure runs on; the same ones the domain layer takes. */
export type ApiServices = DomainServices;

export interface CreateContextOptions extends ApiServices {
  streaming: StreamConfig;
  headers: Headers;
  session: Session | null;
}

export function createTRPCContext(opts: CreateContextOptions) {
  return {
    db: opts.db,
    cache: opts.cache,
    streaming: opts.streaming,
    session: opts.session,
    headers: opts.headers,
  };
}

export type TRPCContext = ReturnType<typeof createTRPCContext>;
