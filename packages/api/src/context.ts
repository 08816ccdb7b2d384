import type { DomainServices, SessionUser } from "@cadence/domain";
import type { MusicFolderControl } from "@cadence/domain/catalog";
import type { Listener } from "@cadence/domain/listener";
import type { RequestKind, RequestLimit } from "@cadence/domain/request-limits";
import type { StreamConfig } from "@cadence/domain/streaming";

export interface Session {
  user: SessionUser;
  /** Known when the session was checked (the same cached read); undefined: look it up. */
  passwordChangeRequired?: boolean | undefined;
  /**
   * The listener's rights as the session check read them (cached with it for up to a minute;
   * the app's own writes drop that entry); undefined: read from the database. Lists use it
   * for verdicts and stream grants; the key route reads the database.
   */
  listener?: Listener | undefined;
}

/** The engines every procedure runs on; the same ones the domain layer takes. */
export interface ApiServices extends DomainServices {
  /** The app server's music folder (MUSIC_DIR), when it has one: the admin console rescans it. */
  musicFolder?: MusicFolderControl;
}

export interface CreateContextOptions extends ApiServices {
  streaming: StreamConfig;
  headers: Headers;
  session: Session | null;
  /** Limits other than the configured ones (tests that make hundreds of calls on purpose). */
  requestLimits?: Partial<Record<RequestKind, RequestLimit>>;
}

export function createTRPCContext(opts: CreateContextOptions) {
  return {
    db: opts.db,
    cache: opts.cache,
    streaming: opts.streaming,
    session: opts.session,
    headers: opts.headers,
    requestLimits: opts.requestLimits,
    musicFolder: opts.musicFolder,
  };
}

export type TRPCContext = ReturnType<typeof createTRPCContext>;
