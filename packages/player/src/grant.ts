/**
 * Keeps a playing track's signed URLs valid. The origin signs a grant into the master playlist's
 * query and repeats it on every playlist, init and segment URI, so hls.js keeps requesting with
 * the grant it loaded. Through hls.js's own hooks (xhrSetup/fetchSetup and the load policies'
 * shouldRetry) each request is sent with the latest grant instead, renewed before it expires
 * and whenever the origin refuses one, so a long track or a late seek never notices expiry.
 */
import type { HlsConfig, LoaderConfig, LoaderContext, RetryConfig } from "hls.js";

import type { SourceResolver } from "./sources";
import type { PlayableSource } from "./types";

/** How an origin refuses an expired or revoked signed URL. */
export function refusesGrant(status: number | undefined): boolean {
  return status === 401 || status === 403 || status === 410;
}

export class StreamGrant {
  private latest: PlayableSource;
  private refused = false;
  private renewal: Promise<void> | null = null;
  private readonly loadedQuery: string;

  constructor(
    readonly trackId: string,
    /** The source hls.js loaded: its URLs carry this grant. */
    readonly loaded: PlayableSource,
    private readonly sources: SourceResolver,
  ) {
    this.latest = loaded;
    this.loadedQuery = queryOf(loaded.url);
  }

  get source(): PlayableSource {
    return this.latest;
  }

  /** A URL signed with the loaded grant, signed with the latest one instead. */
  rewrite(url: string): string {
    if (!this.loadedQuery || this.latest === this.loaded || queryOf(url) !== this.loadedQuery) return url;
    const query = queryOf(this.latest.url);
    const at = url.indexOf("?");
    return `${url.slice(0, at)}${query}${url.slice(at + this.loadedQuery.length)}`;
  }

  /** Renews the grant first when it is about to expire or was refused; never throws. */
  async ready(): Promise<void> {
    if (!this.refused && this.sources.isFresh(this.latest)) return;
    this.renewal ??= this.renew().finally(() => (this.renewal = null));
    await this.renewal;
  }

  /** The origin refused a request signed with this grant. */
  refuse(): void {
    if (this.refused) return;
    this.refused = true;
    this.sources.invalidate(this.trackId);
  }

  private async renew(): Promise<void> {
    try {
      this.latest = await this.sources.get(this.trackId);
      this.refused = false;
    } catch {
      // Keep the old grant: its refusal reaches the error controller, which decides.
    }
  }
}

/** The query string (with "?"), or "" when the URL has none. */
function queryOf(url: string): string {
  const at = url.indexOf("?");
  if (at === -1) return "";
  const hash = url.indexOf("#", at);
  return hash === -1 ? url.slice(at) : url.slice(at, hash);
}

const RENEWING_POLICIES = [
  "manifestLoadPolicy",
  "playlistLoadPolicy",
  "fragLoadPolicy",
  "keyLoadPolicy",
] as const;

/**
 * Adds grant renewal to an hls.js config. `grantOf` is read at request time: the slot prepares
 * hls.js before it knows the source. `defaults` supplies the load policies the config leaves out.
 */
export function withGrantRenewal(
  config: Partial<HlsConfig>,
  defaults: Pick<HlsConfig, (typeof RENEWING_POLICIES)[number]>,
  grantOf: () => StreamGrant | null,
): Partial<HlsConfig> {
  const { xhrSetup, fetchSetup } = config;
  const renewing: Partial<HlsConfig> = {
    ...config,
    xhrSetup: async (xhr: XMLHttpRequest, url: string, context: LoaderContext) => {
      const grant = grantOf();
      await grant?.ready();
      const signed = grant ? grant.rewrite(url) : url;
      xhr.open("GET", signed, true);
      await xhrSetup?.(xhr, signed, context);
    },
    fetchSetup: (context: LoaderContext, init: object) => {
      const signed = grantOf()?.rewrite(context.url) ?? context.url;
      const renewed = { ...context, url: signed };
      return fetchSetup ? fetchSetup(renewed, init) : new Request(signed, init);
    },
  };
  for (const name of RENEWING_POLICIES) {
    const policy = config[name] ?? defaults[name];
    renewing[name] = { default: renewOnRefusal(policy.default, grantOf) };
  }
  return renewing;
}

/** Refusals renew the grant and retry; everything else keeps the policy's own decision. */
function renewOnRefusal(policy: LoaderConfig, grantOf: () => StreamGrant | null): LoaderConfig {
  const base = policy.errorRetry;
  const errorRetry: RetryConfig = {
    ...(base ?? { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 }),
    shouldRetry: (retryConfig, retryCount, isTimeout, response, retry) => {
      const grant = grantOf();
      if (grant && refusesGrant(response?.code)) {
        grant.refuse();
        return retryCount < (retryConfig?.maxNumRetry ?? 0);
      }
      if (!base) return false;
      return base.shouldRetry ? base.shouldRetry(retryConfig, retryCount, isTimeout, response, retry) : retry;
    },
  };
  return { ...policy, errorRetry };
}
