import { describe, expect, it } from "vitest";

import { readSearchParams, searchHref, searchInput } from "./search-url";

describe("the search page's address", () => {
  it("round-trips a query with its facets, whatever characters the query holds", () => {
    const params = { query: "AC/DC & friends?", genre: "Hip-Hop/Rap", year: 2019 };
    const href = searchHref(params);
    expect(href.startsWith("/search?")).toBe(true);
    expect(readSearchParams(new URL(href, "http://x").searchParams)).toEqual(params);
  });

  it("leads to a kind's page, and to the bare page for an empty search", () => {
    expect(searchHref({ query: "vane" }, "songs")).toBe("/search/songs?q=vane");
    expect(searchHref({ query: "" })).toBe("/search");
  });

  it("drops a year that is not one rather than guessing", () => {
    expect(readSearchParams(new URLSearchParams("q=x&year=19x9")).year).toBeUndefined();
    expect(readSearchParams(new URLSearchParams("q=x&year=")).year).toBeUndefined();
  });

  it("asks for the trimmed text and only the facets picked", () => {
    expect(searchInput({ query: "  marlow  " }, 10)).toEqual({ query: "marlow", limit: 10 });
    expect(searchInput({ query: "x", genre: "Synthwave", year: 2019 }, 50)).toEqual({
      query: "x",
      genre: "Synthwave",
      year: 2019,
      limit: 50,
    });
  });
});
