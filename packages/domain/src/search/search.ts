import { SEARCH_KINDS, searchEngine } from "@cadence/search";
import type { FacetCount, SearchHit, SearchKind } from "@cadence/search";
import { z } from "zod";

import { summariesOf } from "../catalog/album-list";
import type { AlbumSummary } from "../catalog/album-list";
import { listGenres } from "../catalog/browse";
import type { Genre } from "../catalog/browse";
import { tracksById } from "../catalog/tracks-by-id";
import type { CatalogTrack, Viewer } from "../catalog/track-view";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor } from "../pagination";
import type { Page } from "../pagination";
import type { DomainServices } from "../services";
import { artistsOf, playlistsOf, profilesOf } from "./views";
import type { ArtistResult, PlaylistResult, ProfileResult } from "./views";

export interface SearchInput {
  query: string;
  kinds?: readonly SearchKind[] | undefined;
  genre?: string | undefined;
  year?: number | undefined;
  limit: number;
  cursor?: string | null | undefined;
}

export type TopResult =
  | { kind: "track"; item: CatalogTrack }
  | { kind: "artist"; item: ArtistResult }
  | { kind: "album"; item: AlbumSummary }
  | { kind: "playlist"; item: PlaylistResult }
  | { kind: "profile"; item: ProfileResult };

export interface SearchResults {
  query: string;
  /** What was searched for instead, when words were misspelt ("bowei" -> "bowie"). */
  corrected: string | null;
  /** The best match of any kind (first page only). */
  top: TopResult | null;
  tracks: Page<CatalogTrack>;
  artists: Page<ArtistResult>;
  albums: Page<AlbumSummary>;
  playlists: Page<PlaylistResult>;
  profiles: Page<ProfileResult>;
  facets: { genres: FacetCount[]; years: FacetCount[] };
  /** With an empty query: genres to browse instead of results. */
  categories: Genre[];
}

/** How deep a listener may page into one kind's results: relevance fades long before. */
export const MAX_SEARCH_OFFSET = 500;
const CATEGORIES = 48;
const cursorKey = z.tuple([z.enum(SEARCH_KINDS), z.string(), z.number().int().min(0).max(MAX_SEARCH_OFFSET)]);

const emptyPage = <T>(): Page<T> => ({ items: [], nextCursor: null });

function noResults(query: string, categories: Genre[] = []): SearchResults {
  return {
    query,
    corrected: null,
    top: null,
    tracks: emptyPage(),
    artists: emptyPage(),
    albums: emptyPage(),
    playlists: emptyPage(),
    profiles: emptyPage(),
    facets: { genres: [], years: [] },
    categories,
  };
}

/** A cursor continues one kind's list for the same query; anything else is refused. */
function pageFrom(input: SearchInput): { kinds: readonly SearchKind[]; offset: number } {
  const kinds = input.kinds?.length ? [...new Set(input.kinds)] : SEARCH_KINDS;
  if (!input.cursor) return { kinds, offset: 0 };
  const [kind, query, offset] = decodeCursor("search", input.cursor, cursorKey);
  if (query !== input.query || kinds.length !== 1 || kinds[0] !== kind) {
    throw new AppError("INVALID", "This cursor belongs to another search", "cursor");
  }
  return { kinds, offset };
}

/**
 * Searches everything the viewer may find. Hits come from the engine as ids, and become views
 * here with the viewer's rights, likes and stream URLs, exactly as the catalog pages show them;
 * private playlists are checked once more against the tables.
 */
export async function search(
  services: DomainServices,
  viewer: Viewer,
  input: SearchInput,
): Promise<SearchResults> {
  const query = input.query.trim();
  if (query === "") {
    const genres = await listGenres(services, { limit: CATEGORIES });
    return noResults("", genres.items);
  }
  // Nothing to match: only punctuation or symbols.
  if (!/[\p{L}\p{N}]/u.test(query)) return noResults(query);
  const { kinds, offset } = pageFrom({ ...input, query });
  const response = await searchEngine(services.db).query({
    query,
    kinds,
    viewerId: viewer.listener.userId,
    limit: input.limit,
    offset,
    genre: input.genre,
    year: input.year,
  });
  const ids = (kind: SearchKind) => response.hits[kind].slice(0, input.limit).map((h) => h.id);
  const page = <T>(kind: SearchKind, items: T[]): Page<T> => ({
    items,
    nextCursor:
      response.hits[kind].length > input.limit && offset + input.limit < MAX_SEARCH_OFFSET
        ? encodeCursor("search", [kind, query, offset + input.limit])
        : null,
  });
  const [tracks, artists, albums, playlists, profiles] = await Promise.all([
    tracksById(services.db, ids("track"), viewer).then((m) => ids("track").flatMap((id) => m.get(id) ?? [])),
    artistsOf(services.db, ids("artist")),
    summariesOf(services.db, ids("album")),
    playlistsOf(services.db, viewer.listener.userId, ids("playlist")),
    profilesOf(services.db, ids("profile")),
  ]);
  const results: SearchResults = {
    query,
    corrected: response.corrected,
    top: null,
    tracks: page("track", tracks),
    artists: page("artist", artists),
    albums: page("album", albums),
    playlists: page("playlist", playlists),
    profiles: page("profile", profiles),
    facets: response.facets,
    categories: [],
  };
  if (offset === 0) results.top = topOf(response.hits, results);
  return results;
}

/** The best-scoring hit of any kind that survived into the results. */
function topOf(hits: Record<SearchKind, SearchHit[]>, results: SearchResults): TopResult | null {
  const shown: { [K in SearchKind]: { id: string }[] } = {
    track: results.tracks.items,
    artist: results.artists.items,
    album: results.albums.items,
    playlist: results.playlists.items,
    profile: results.profiles.items,
  };
  let best: { hit: SearchHit; item: { id: string } } | null = null;
  for (const kind of SEARCH_KINDS) {
    const first = shown[kind][0];
    const hit = first && hits[kind].find((h) => h.id === first.id);
    if (first && hit && (!best || hit.score > best.hit.score)) best = { hit, item: first };
  }
  return best ? ({ kind: best.hit.kind, item: best.item } as TopResult) : null;
}
