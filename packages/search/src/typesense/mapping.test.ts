import { describe, expect, it } from "vitest";

import type { SearchDoc, SearchRequest } from "../types";
import { collectionSchema, facetsOf, hitsOf, searchesFor, toTypesense } from "./mapping";

const viewer = "9b2f8a4e-51c4-4d8e-9a11-3f7f4c0d2b6a";

const request = (more: Partial<SearchRequest> = {}): SearchRequest => ({
  query: "bowei heroes",
  kinds: ["track", "artist", "playlist"],
  viewerId: viewer,
  limit: 10,
  offset: 0,
  ...more,
});

describe("the Typesense collection", () => {
  it("indexes the text fields, facets kind, genre and year, and sorts by popularity by default", () => {
    const schema = collectionSchema("cadence");
    const fields = Object.fromEntries(schema.fields?.map((f) => [f.name, f]) ?? []);
    expect(schema.name).toBe("cadence");
    expect(schema.default_sorting_field).toBe("popularity");
    expect(fields.title?.type).toBe("string");
    expect(fields.kind?.facet).toBe(true);
    expect(fields.genre).toMatchObject({ facet: true, optional: true });
    expect(fields.year).toMatchObject({ type: "int32", facet: true, optional: true });
    expect(fields.members?.type).toBe("string[]");
  });

  it("maps a document: ids unique across kinds, who may find a private playlist, no null fields", () => {
    const doc: SearchDoc = {
      kind: "playlist",
      id: "5d0d6f7e-2f1c-4a4e-8b4a-9c1d2e3f4a5b",
      title: "Road trip",
      context: "Jonas",
      extra: "",
      popularity: 12,
      genre: null,
      year: null,
      isPublic: false,
      ownerId: "owner",
      editorIds: ["editor-1", "editor-2"],
    };
    const mapped = toTypesense(doc);
    expect(mapped.id).toBe(`playlist:${doc.id}`);
    expect(mapped.entity_id).toBe(doc.id);
    expect(mapped.members).toEqual(["owner", "editor-1", "editor-2"]);
    expect(mapped).not.toHaveProperty("genre");
    expect(mapped).not.toHaveProperty("year");
    expect(mapped.is_public).toBe(false);
  });
});

describe("a Typesense query", () => {
  it("is one search per kind, weighting title above artist above album, typo tolerant, prefix on", () => {
    const searches = searchesFor(request());
    expect(searches.map((s) => s.filter_by.split(" && ")[0])).toEqual([
      "kind:=track",
      "kind:=artist",
      "kind:=playlist",
    ]);
    for (const s of searches) {
      expect(s.q).toBe("bowei heroes");
      expect(s.query_by).toBe("title,context,extra");
      expect(s.query_by_weights).toBe("4,2,1");
      expect(s.num_typos).toBe("2,2,1");
      expect(s.sort_by).toBe("_text_match:desc,popularity:desc");
      expect(s.per_page).toBe(11);
      expect(s.page).toBe(1);
    }
  });

  it("lets only the owner and editors find private playlists", () => {
    const [, artist, playlist] = searchesFor(request());
    expect(artist?.filter_by).toBe("kind:=artist");
    expect(playlist?.filter_by).toBe(`kind:=playlist && (is_public:=true || members:=\`${viewer}\`)`);
  });

  it("filters by genre and year, quoting the genre so it cannot break out of the filter", () => {
    const [track] = searchesFor(request({ kinds: ["track"], genre: "Rock` || kind:=profile", year: 1977 }));
    expect(track?.filter_by).toBe("kind:=track && genre:=`Rock || kind:=profile` && year:=1977");
    expect(track?.facet_by).toBe("genre,year");
  });

  it("pages by the offset a cursor carries", () => {
    const [track] = searchesFor(request({ kinds: ["track"], offset: 20, limit: 10 }));
    expect(track?.page).toBe(3);
  });

  it("reads hits and sums facets over the kinds that have them", () => {
    expect(
      hitsOf("track", {
        hits: [{ document: { entity_id: "a" }, text_match: 9 }, { document: { entity_id: "b" } }],
      }),
    ).toEqual([
      { kind: "track", id: "a", score: 9 },
      { kind: "track", id: "b", score: 0 },
    ]);
    const facets = facetsOf([
      {
        facet_counts: [
          {
            field_name: "genre",
            counts: [
              { value: "Rock", count: 3 },
              { value: "Pop", count: 1 },
            ],
          },
        ],
      },
      {
        facet_counts: [
          { field_name: "genre", counts: [{ value: "Pop", count: 4 }] },
          { field_name: "year", counts: [{ value: "1977", count: 2 }] },
        ],
      },
    ]);
    expect(facets).toEqual({
      genres: [
        { value: "Pop", count: 5 },
        { value: "Rock", count: 3 },
      ],
      years: [{ value: "1977", count: 2 }],
    });
  });
});
