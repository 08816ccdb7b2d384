import { rowsOf, sql } from "@cadence/db";
import type { Db } from "@cadence/db";

import { allowedEdits, editDistance } from "../edit-distance";

/** The most words of a query that are searched for; more add nothing but cost. */
export const MAX_QUERY_WORDS = 8;
const CANDIDATES_PER_WORD = 20;
const ALTERNATIVES_PER_WORD = 3;

export interface QueryPlan {
  /** The query normalised as the index is ("Beyoncé!" -> "beyonce"). */
  norm: string;
  /** Per word, what to look for: itself when the index knows it, else its likeliest corrections. */
  words: string[][];
  /** The query with corrections applied, when there were any. */
  corrected: string | null;
  /**
   * About how many documents match (word frequencies from the vocabulary, taken as
   * independent): what decides whether ranking every match is affordable.
   */
  estimate: number;
}

interface WordRow {
  word: string;
  ord: number | string;
  /** Documents using a word that starts with this one (0: the index does not know it). */
  frequency: number | string;
  candidate: string | null;
  documents: number | null;
  total: number | string;
}

/**
 * Normalises the query and corrects the words the index does not know, by looking for the
 * nearest indexed words (trigram distance, a small index) and keeping those within the edits a
 * word of that length may carry. The last word may be half typed, so it is compared with the
 * start of each candidate. Null when nothing in the query can be searched for.
 */
export async function planQuery(db: Db, query: string): Promise<QueryPlan | null> {
  // One round trip: normalise, split, and look up every word (with candidates for the unknown).
  const rows = await rowsOf<WordRow>(
    db,
    sql`
      with w as (
        select word, ord from unnest(string_to_array(search_norm(${query}), ' ')) with ordinality as t(word, ord)
        where word <> '' and ord <= ${MAX_QUERY_WORDS}
      )
      select w.word, w.ord, k.frequency, c.word as candidate, c.documents,
        (select greatest(reltuples, 1) from pg_class where oid = 'search_document'::regclass) as total
      from w
      cross join lateral (select coalesce(sum(s.documents), 0) as frequency from search_word s
        where s.word >= w.word and s.word < w.word || chr(1114111)) k
      left join lateral (select s.word, s.documents from search_word s where k.frequency = 0
        order by s.word <-> w.word limit ${CANDIDATES_PER_WORD}) c on true
      order by w.ord`,
  );
  const words: string[] = [];
  for (const row of rows) words[Number(row.ord) - 1] = row.word;
  if (words.length === 0) return null;
  const planned: string[][] = [];
  const total = Math.max(1, Number(rows[0]?.total ?? 1));
  let estimate = total;
  let changed = false;
  words.forEach((word, index) => {
    const mine = rows.filter((r) => Number(r.ord) === index + 1);
    const frequency = Number(mine[0]?.frequency ?? 0);
    if (frequency > 0) {
      planned.push([word]);
      estimate *= Math.min(1, frequency / total);
      return;
    }
    const last = index === words.length - 1;
    const limit = allowedEdits(word.length);
    const scored = mine
      .filter((r): r is WordRow & { candidate: string } => r.candidate !== null)
      .map((r) => {
        const whole = editDistance(word, r.candidate);
        const start = last ? editDistance(word, r.candidate.slice(0, word.length)) : whole;
        return { word: r.candidate, distance: Math.min(whole, start), documents: r.documents ?? 0 };
      })
      .filter((c) => c.distance <= limit);
    if (scored.length === 0) return; // Nothing like it: searching for it could only find nothing.
    const best = Math.min(...scored.map((c) => c.distance));
    const chosen = scored
      .filter((c) => c.distance === best)
      .sort((a, b) => b.documents - a.documents)
      .slice(0, ALTERNATIVES_PER_WORD)
      .map((c) => c.word);
    planned.push(chosen);
    const documents = scored.filter((c) => chosen.includes(c.word)).reduce((sum, c) => sum + c.documents, 0);
    estimate *= Math.min(1, documents / total);
    changed = true;
  });
  if (planned.length === 0) return null;
  const norm = words.join(" ");
  return {
    norm,
    words: planned,
    corrected: changed ? planned.map((alts) => alts[0]).join(" ") : null,
    estimate: Math.round(estimate),
  };
}

/** The plan as a tsquery: every word must match, as a prefix (the listener may still be typing). */
export function tsqueryOf(plan: QueryPlan): string {
  return plan.words
    .map((alternatives) => `(${alternatives.map((w) => `'${w.replace(/'/g, "''")}':*`).join(" | ")})`)
    .join(" & ");
}
