import { Client } from "typesense";

import type { SearchDoc, SearchEngine, SearchKind, SearchRequest, SearchResponse } from "../types";
import { emptyHits } from "../types";
import { collectionSchema, documentId, facetsOf, hitsOf, searchesFor, toTypesense } from "./mapping";

export interface TypesenseConfig {
  url: string;
  apiKey: string;
  collection: string;
}

/** Typesense through its official client, for catalogs past what one Postgres answers quickly. */
export class TypesenseSearch implements SearchEngine {
  readonly name = "typesense";
  private readonly client: Client;
  private ready: Promise<void> | null = null;

  constructor(private readonly config: TypesenseConfig) {
    const url = new URL(config.url);
    this.client = new Client({
      nodes: [
        {
          host: url.hostname,
          port: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
          protocol: url.protocol.replace(":", ""),
        },
      ],
      apiKey: config.apiKey,
      connectionTimeoutSeconds: 5,
    });
  }

  /** Creates the collection the first time it is needed. */
  private collection() {
    this.ready ??= this.client
      .collections(this.config.collection)
      .retrieve()
      .then(
        () => undefined,
        async () => {
          await this.client.collections().create(collectionSchema(this.config.collection));
        },
      );
    return this.ready.then(() => this.client.collections(this.config.collection));
  }

  async upsert(docs: readonly SearchDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await (await this.collection()).documents().import(docs.map(toTypesense), { action: "upsert" });
  }

  async remove(kind: SearchKind, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const filter = `id:[${ids.map((id) => documentId(kind, id)).join(",")}]`;
    await (await this.collection()).documents().delete({ filter_by: filter });
  }

  async clear(): Promise<void> {
    await this.client
      .collections(this.config.collection)
      .delete()
      .catch(() => undefined);
    this.ready = null;
    await this.collection();
  }

  async query(request: SearchRequest): Promise<SearchResponse> {
    await this.collection();
    const searches = searchesFor(request).map((s) => ({ ...s, collection: this.config.collection }));
    const { results } = await this.client.multiSearch.perform({ searches }, {});
    const hits = emptyHits();
    request.kinds.forEach((kind, i) => {
      hits[kind] = hitsOf(kind, results[i] ?? {});
    });
    return { hits, corrected: null, facets: facetsOf(results) };
  }
}
