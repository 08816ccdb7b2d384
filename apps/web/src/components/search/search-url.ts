import type { RouterInputs } from "@cadence/api";

export type SearchKind = NonNullable<RouterInputs["search"]["search"]["kinds"]>[number];

/** Results of each kind on the search page. */
export const SECTION_LIMIT = 10;
/** A page of one kind's "Show all" list. */
export const KIND_PAGE_LIMIT = 50;

/** What a search page shows: the text typed and the facets picked. */
export interface SearchParams {
  query: string;
  genre?: string | undefined;
  year?: number | undefined;
}

/** Each kind's "Show all" page, /search/<slug>, and its name on the page. */
export const SEARCH_KINDS: { kind: SearchKind; slug: string; title: string }[] = [
  { kind: "track", slug: "songs", title: "Songs" },
  { kind: "artist", slug: "artists", title: "Artists" },
  { kind: "album", slug: "albums", title: "Albums" },
  { kind: "playlist", slug: "playlists", title: "Playlists" },
  { kind: "profile", slug: "profiles", title: "Profiles" },
];

/** The section of a search's answer that holds one kind. */
export const SECTIONS = {
  track: "tracks",
  artist: "artists",
  album: "albums",
  playlist: "playlists",
  profile: "profiles",
} as const satisfies Record<SearchKind, string>;

/** The next page of one kind's list (TanStack Query's page parameter; undefined: no more). */
export const nextSearchPage =
  (kind: SearchKind) => (page: Record<(typeof SECTIONS)[SearchKind], { nextCursor: string | null }>) =>
    page[SECTIONS[kind]].nextCursor ?? undefined;

export const kindBySlug = (slug: string) => SEARCH_KINDS.find((k) => k.slug === slug) ?? null;
export const kindInfo = (kind: SearchKind) => SEARCH_KINDS.find((k) => k.kind === kind) ?? SEARCH_KINDS[0];

/** The search page and its "Show all" pages: where the header's box writes to the address. */
export const isSearchPath = (pathname: string) => pathname === "/search" || pathname.startsWith("/search/");

/** The page's parameters from its address; a year that is not one is left out, not guessed. */
export function readSearchParams(params: { get(name: string): string | null }): SearchParams {
  const year = params.get("year");
  return {
    query: params.get("q") ?? "",
    genre: params.get("genre") || undefined,
    year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
  };
}

/** A page's search parameters as Next.js hands them to a server component. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The same parameters the client reads (the first of a repeated one). */
export function readPageParams(params: PageSearchParams): SearchParams {
  return readSearchParams({
    get: (name) => {
      const value = params[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  });
}

/** The address of a search (on the "Show all" page of `slug`, when given). */
export function searchHref({ query, genre, year }: SearchParams, slug?: string): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (genre) params.set("genre", genre);
  if (year !== undefined) params.set("year", String(year));
  const search = params.toString();
  return `/search${slug ? `/${slug}` : ""}${search ? `?${search}` : ""}`;
}

/** The procedure's input for a search: the text trimmed, facets only when picked. */
export function searchInput({ query, genre, year }: SearchParams, limit: number) {
  return {
    query: query.trim(),
    ...(genre ? { genre } : {}),
    ...(year !== undefined ? { year } : {}),
    limit,
  };
}

/** The input of one kind's "Show all" list (without the cursor, which pages add). */
export function kindInput(kind: SearchKind, params: SearchParams) {
  return { ...searchInput(params, KIND_PAGE_LIMIT), kinds: [kind] };
}
