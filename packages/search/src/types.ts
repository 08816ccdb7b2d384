/** What search can find. */
export const SEARCH_KINDS = ["track", "artist", "album", "playlist", "profile"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One findable thing as every engine indexes it: display text as stored (engines normalise it
 * their own way), the ranking signal and the filters.
 */
export interface SearchDoc {
  kind: SearchKind;
  id: string;
  /** The name: weighted highest. */
  title: string;
  /** Who made it (artists, a playlist's owner): weighted second. */
  context: string;
  /** Where it sits (a track's album, a playlist's description): weighted third. */
  extra: string;
  /** Plays, likes, saves and follows folded into one count (see documents.ts). */
  popularity: number;
  genre: string | null;
  year: number | null;
  /** Playlists: private ones are found only by their owner and editors. */
  isPublic: boolean;
  ownerId: string | null;
  editorIds: string[];
}

export interface SearchRequest {
  query: string;
  kinds: readonly SearchKind[];
  /** Who is searching: decides which private playlists they may find. */
  viewerId: string;
  /** Hits per kind, after `offset`. */
  limit: number;
  offset: number;
  genre?: string | undefined;
  year?: number | undefined;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResponse {
  /** Per kind, best first: up to limit + 1 (the extra one says there are more). */
  hits: Record<SearchKind, SearchHit[]>;
  /** The query as searched when misspelt words were corrected ("bowei" -> "bowie"), else null. */
  corrected: string | null;
  /** Among the matching tracks and albums. */
  facets: { genres: FacetCount[]; years: FacetCount[] };
}

/** A search backend: the embedded/Postgres one or Typesense. */
export interface SearchEngine {
  readonly name: "postgres" | "typesense";
  upsert(docs: readonly SearchDoc[]): Promise<void>;
  remove(kind: SearchKind, ids: readonly string[]): Promise<void>;
  /** Forget everything (before a rebuild). */
  clear(): Promise<void>;
  query(request: SearchRequest): Promise<SearchResponse>;
}

export function emptyHits(): Record<SearchKind, SearchHit[]> {
  return { track: [], artist: [], album: [], playlist: [], profile: [] };
}
