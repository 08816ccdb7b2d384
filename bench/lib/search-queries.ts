/**
 * The benchmark's queries, drawn from the seeded catalog itself (half from its most played
 * tracks, half from anywhere), in the four kinds the issue names. Each knows what a listener
 * would expect to find among the first ten of a section, where that can be said.
 */
import type postgres from "postgres";

export type QueryKind = "exact" | "prefix" | "typo" | "multi-word";
export const QUERY_KINDS: readonly QueryKind[] = ["exact", "prefix", "typo", "multi-word"];

export interface BenchQuery {
  kind: QueryKind;
  query: string;
  expect: { section: "tracks" | "artists"; name: string } | null;
}

interface Sample {
  title: string;
  artist: string;
}

/** One swap of two neighbouring letters in the longest word: the commonest typo. */
function swapped(text: string): string | null {
  const words = text.split(" ");
  const longest = words.reduce((a, b) => ([...b].length > [...a].length ? b : a), "");
  const letters = [...longest];
  if (letters.length < 5) return null;
  const at = Math.floor(letters.length / 2);
  if (letters[at] === letters[at - 1]) return null;
  [letters[at - 1], letters[at]] = [letters[at] ?? "", letters[at - 1] ?? ""];
  return words.map((w) => (w === longest ? letters.join("") : w)).join(" ");
}

export async function sampleQueries(sql: postgres.Sql, perKind: number): Promise<BenchQuery[]> {
  const half = Math.ceil(perKind / 2);
  const popular = await sql<Sample[]>`
    select t.title, ar.name as artist from (
      select track_id from listening_event where kind = 'start'
      group by track_id order by count(*) desc limit 2000
    ) p
    join track t on t.id = p.track_id
    join track_artist ta on ta.track_id = t.id and ta.position = 0
    join artist ar on ar.id = ta.artist_id
    order by md5(t.id::text) limit ${perKind * 4}`;
  const anywhere = await sql<Sample[]>`
    select t.title, ar.name as artist from track t tablesample system (1) repeatable (42)
    join track_artist ta on ta.track_id = t.id and ta.position = 0
    join artist ar on ar.id = ta.artist_id
    limit ${perKind * 4}`;
  const draw = (from: Sample[], offset: number, n: number) => from.slice(offset * n, offset * n + n);
  const queries: BenchQuery[] = [];
  const mixed = (offset: number) => [...draw(popular, offset, half), ...draw(anywhere, offset, half)];

  for (const s of mixed(0))
    queries.push({ kind: "exact", query: s.title, expect: { section: "tracks", name: s.title } });
  mixed(1).forEach((s, i) => {
    if (i % 2 === 0) {
      // An artist being typed: the first word and the start of the second.
      const [first = "", second = ""] = s.artist.split(" ");
      const query = `${first} ${[...second].slice(0, 2).join("")}`.trim();
      queries.push({ kind: "prefix", query, expect: { section: "artists", name: s.artist } });
    } else {
      // Three letters of a title word: the broadest, slowest kind of prefix.
      queries.push({
        kind: "prefix",
        query: [...(s.title.split(" ")[0] ?? "")].slice(0, 3).join(""),
        expect: null,
      });
    }
  });
  for (const s of mixed(2)) {
    const query = swapped(s.artist) ?? swapped(s.title);
    if (!query) continue;
    const fromArtist = swapped(s.artist) !== null;
    queries.push({
      kind: "typo",
      query,
      expect: fromArtist ? { section: "artists", name: s.artist } : { section: "tracks", name: s.title },
    });
  }
  for (const s of mixed(3)) {
    const surname = s.artist.split(" ").at(-1) ?? "";
    queries.push({
      kind: "multi-word",
      query: `${surname} ${s.title}`,
      expect: { section: "tracks", name: s.title },
    });
  }
  return queries;
}
