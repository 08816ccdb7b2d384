import type { CollectionCreateSchema } from "typesense/lib/Typesense/Collections";

import type { FacetCount, SearchDoc, SearchHit, SearchKind, SearchRequest } from "../types";

/**
 * How Cadence's documents and queries map onto Typesense: pure functions, so the mapping is
 * tested here without a server (Typesense cannot be installed on the project's machines).
 */

export interface TypesenseDoc {
  id: string;
  kind: SearchKind;
  /** The entity's id: Typesense ids are global, ours are per kind. */
  entity_id: string;
  title: string;
  context: string;
  extra: string;
  popularity: number;
  genre?: string;
  year?: number;
  is_public: boolean;
  /** Owner and editors of a playlist: who may find it when it is private. */
  members: string[];
}

export function collectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    fields: [
      { name: "kind", type: "string", facet: true },
      { name: "entity_id", type: "string" },
      { name: "title", type: "string" },
      { name: "context", type: "string" },
      { name: "extra", type: "string" },
      { name: "popularity", type: "float" },
      { name: "genre", type: "string", facet: true, optional: true },
      { name: "year", type: "int32", facet: true, optional: true },
      { name: "is_public", type: "bool" },
      { name: "members", type: "string[]" },
    ],
    default_sorting_field: "popularity",
    // "Beyoncé" and "beyonce" meet, as on Postgres.
    token_separators: ["-", "/", "'"],
  };
}

export function documentId(kind: SearchKind, id: string): string {
  return `${kind}:${id}`;
}

export function toTypesense(doc: SearchDoc): TypesenseDoc {
  return {
    id: documentId(doc.kind, doc.id),
    kind: doc.kind,
    entity_id: doc.id,
    title: doc.title,
    context: doc.context,
    extra: doc.extra,
    popularity: doc.popularity,
    ...(doc.genre ? { genre: doc.genre } : {}),
    ...(doc.year ? { year: doc.year } : {}),
    is_public: doc.isPublic,
    members: [doc.ownerId, ...doc.editorIds].filter((id): id is string => id !== null),
  };
}

/** Backticks quote a filter value in Typesense's filter syntax; they cannot appear inside one. */
function quoted(value: string): string {
  return `\`${value.replace(/`/g, "")}\``;
}

/** One search per kind (a multi-search), with the same ranking signals as on Postgres. */
export function searchesFor(request: SearchRequest) {
  const shared = [
    request.genre !== undefined ? `genre:=${quoted(request.genre)}` : null,
    request.year !== undefined ? `year:=${request.year}` : null,
  ].filter((f): f is string => f !== null);
  return request.kinds.map((kind) => {
    const visibility =
      kind === "playlist" ? [`(is_public:=true || members:=${quoted(request.viewerId)})`] : [];
    return {
      collection: undefined as string | undefined,
      q: request.query,
      query_by: "title,context,extra",
      // Title above artist above album, as on Postgres.
      query_by_weights: "4,2,1",
      filter_by: [`kind:=${kind}`, ...visibility, ...shared].join(" && "),
      sort_by: "_text_match:desc,popularity:desc",
      num_typos: "2,2,1",
      typo_tokens_threshold: 1,
      prefix: "true,true,false",
      facet_by: kind === "track" || kind === "album" ? "genre,year" : "",
      max_facet_values: 12,
      page: Math.floor(request.offset / request.limit) + 1,
      per_page: request.limit + 1,
    };
  });
}

interface TypesenseResult {
  hits?: { document: { entity_id: string }; text_match?: number }[];
  facet_counts?: { field_name: string; counts: { value: string; count: number }[] }[];
}

export function hitsOf(kind: SearchKind, result: TypesenseResult): SearchHit[] {
  return (result.hits ?? []).map((hit) => ({ kind, id: hit.document.entity_id, score: hit.text_match ?? 0 }));
}

/** Facet counts summed over the per-kind searches that have them (tracks and albums). */
export function facetsOf(results: readonly TypesenseResult[]): { genres: FacetCount[]; years: FacetCount[] } {
  const sum = (field: string) => {
    const counts = new Map<string, number>();
    for (const result of results) {
      for (const facet of result.facet_counts ?? []) {
        if (facet.field_name !== field) continue;
        for (const c of facet.counts) counts.set(c.value, (counts.get(c.value) ?? 0) + c.count);
      }
    }
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
  };
  return { genres: sum("genre"), years: sum("year") };
}
