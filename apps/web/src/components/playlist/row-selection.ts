/**
 * Which rows are selected, the way file managers and music players do it: a click selects one,
 * Ctrl/Cmd toggles one, Shift selects the range from the anchor (the last row clicked alone).
 */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: null };

export type SelectionAction =
  | { kind: "click"; id: string; toggle: boolean; range: boolean }
  /** Shift+↑/↓ from `from` to `id`: the range from the anchor (or from `from`, if none). */
  | { kind: "extend"; id: string; from: string }
  /** The keyboard moved to `id` without Shift: a later Shift+↑/↓ starts there. */
  | { kind: "anchor"; id: string }
  | { kind: "all" }
  | { kind: "clear" }
  /** Rows that are gone (removed, or no longer loaded) leave the selection. */
  | { kind: "keep"; present: ReadonlySet<string> };

function range(order: readonly string[], from: string | null, to: string): Set<string> {
  const a = from === null ? -1 : order.indexOf(from);
  const b = order.indexOf(to);
  if (b < 0) return new Set();
  if (a < 0) return new Set([to]);
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return new Set(order.slice(lo, hi + 1));
}

export function select(state: Selection, order: readonly string[], action: SelectionAction): Selection {
  switch (action.kind) {
    case "click": {
      if (action.range)
        return { ids: range(order, state.anchor ?? action.id, action.id), anchor: state.anchor ?? action.id };
      if (action.toggle) {
        const ids = new Set(state.ids);
        if (ids.has(action.id)) ids.delete(action.id);
        else ids.add(action.id);
        return { ids, anchor: action.id };
      }
      return { ids: new Set([action.id]), anchor: action.id };
    }
    case "extend": {
      const anchor = state.anchor ?? action.from;
      return { ids: range(order, anchor, action.id), anchor };
    }
    case "anchor":
      return state.anchor === action.id ? state : { ids: state.ids, anchor: action.id };
    case "all":
      return { ids: new Set(order), anchor: state.anchor };
    case "clear":
      return NO_SELECTION;
    case "keep": {
      const ids = [...state.ids].filter((id) => action.present.has(id));
      if (ids.length === state.ids.size) return state;
      return {
        ids: new Set(ids),
        anchor: state.anchor && action.present.has(state.anchor) ? state.anchor : null,
      };
    }
  }
}
