import type { Cache } from "@cadence/cache";
import type { Db } from "@cadence/db";

export type Role = "listener" | "admin";

/** What the app knows about the caller once the session cookie has been checked. */
export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

/** The engines a domain function works with: the database and the cache beside it. */
export interface DomainServices {
  db: Db;
  cache: Cache;
}
