import type { Cache } from "@cadence/cache";
import type { Db } from "@cadence/db";

import type { StreamConfig } from "./domain/playback";

export type Role = "listener" | "admin";

/** What the app knows about the caller once next-auth has checked the session cookie. */
export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
}

export interface ApiServices {
  db: Db;
  cache: Cache;
}

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
