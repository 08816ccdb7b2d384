export { SEARCH_KINDS } from "./types";
export type {
  FacetCount,
  SearchDoc,
  SearchEngine,
  SearchHit,
  SearchKind,
  SearchRequest,
  SearchResponse,
} from "./types";
export { searchEngine } from "./engine";
export { loadDocuments } from "./documents";
export type { DocSelection } from "./documents";
export { reindex, unindex } from "./sync";
export { indexIsMissing, rebuildIndex, rebuildReporter } from "./rebuild";
export type { RebuildProgress } from "./rebuild";
export { PostgresSearch } from "./postgres/engine";
export { TypesenseSearch } from "./typesense/engine";
export { MAX_QUERY_WORDS } from "./postgres/plan";
