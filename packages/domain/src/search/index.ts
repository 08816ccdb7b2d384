export { MAX_SEARCH_OFFSET, search } from "./search";
export type { SearchInput, SearchResults, TopResult } from "./search";
export type { ArtistResult, PlaylistResult, ProfileResult } from "./views";
export { clearSearches, forgetSearch, RECENT_SEARCHES, recentSearches, rememberSearch } from "./recent";
export type { RecentSearch } from "./recent";
export { SEARCH_KINDS } from "@cadence/search";
export type { FacetCount, SearchKind } from "@cadence/search";
