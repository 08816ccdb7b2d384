/**
 * The playlist's loaded rows as the browser keeps them (pages of an infinite query), and the
 * edits made to them before the server answers. Pure, so the rules are tested on their own.
 */

interface Row {
  itemId: string;
  position: string;
}

export interface Pages<R extends Row = Row> {
  pages: { items: R[]; version: number }[];
  pageParams: readonly unknown[];
}

export const rowsOf = <R extends Row>(data: Pages<R> | undefined): R[] =>
  data?.pages.flatMap((p) => p.items) ?? [];

/**
 * The version the client's rows were read at: the oldest of the pages. A page read after
 * someone else's edit then sends an older version, and the server asks for a refresh.
 */
export const versionOf = (data: Pages | undefined): number | undefined =>
  data && data.pages.length > 0 ? Math.min(...data.pages.map((p) => p.version)) : undefined;

/** The same pages with their rows changed (sizes, cursors and versions as they were). */
function withPages<D extends Pages>(data: D, pages: D["pages"]): D {
  return { ...data, pages };
}

/** The rows again, cut into pages of the sizes they had (the cursors stay with their pages). */
function repage<D extends Pages>(data: D, rows: D["pages"][number]["items"]): D {
  let at = 0;
  const pages = data.pages.map((page, i) => {
    const last = i === data.pages.length - 1;
    const items = rows.slice(at, last ? rows.length : at + page.items.length);
    at += items.length;
    return { ...page, items };
  });
  return withPages(data, pages);
}

/** Moves the row at `from` to `to` (indexes in the whole list, as drag and drop gives them). */
export function moveRow<D extends Pages>(data: D, from: number, to: number): D {
  const rows = rowsOf(data);
  const [moved] = rows.splice(from, 1);
  if (moved === undefined) return data;
  rows.splice(Math.max(0, Math.min(to, rows.length)), 0, moved);
  return repage(data, rows);
}

/** What the server needs for a move to `to`: the row that will be just before it, or null for the top. */
export function afterItemFor(rows: readonly Row[], from: number, to: number): string | null {
  const without = rows.filter((_, i) => i !== from);
  return to <= 0 ? null : (without[Math.min(to, without.length) - 1]?.itemId ?? null);
}

export function removeRows<D extends Pages>(data: D, itemIds: ReadonlySet<string>): D {
  return withPages(
    data,
    data.pages.map((p) => ({ ...p, items: p.items.filter((r) => !itemIds.has(r.itemId)) })),
  );
}

/** After our own write succeeded: the rows are the server's new version, one row's key changed. */
export function settleWrite<D extends Pages>(
  data: D,
  version: number,
  moved?: { itemId: string; position: string },
): D {
  return withPages(
    data,
    data.pages.map((p) => ({
      ...p,
      version,
      items: moved
        ? p.items.map((r) => (r.itemId === moved.itemId ? { ...r, position: moved.position } : r))
        : p.items,
    })),
  );
}
