import type { KeyboardEvent } from "react";

import { rowJumps } from "../use-roving-rows";

export interface RowKeyActions {
  /** How many rows are loaded (the last one is `count - 1`). */
  count: number;
  canEdit: boolean;
  hasSelection: boolean;
  focus: (index: number) => void;
  /** Shift+↑/↓: the selection grows from `from` (or the anchor) to `index`. */
  extendTo: (index: number, from: number) => void;
  /** A move without Shift: the anchor for the next Shift+↑/↓. */
  anchorAt: (index: number) => void;
  moveBy: (index: number, by: -1 | 1) => void;
  selectAll: () => void;
  clearSelection: () => void;
  removeSelected: (index: number) => void;
}

/**
 * Keys on a playlist's rows: ↑/↓, Page Up/Down, Home/End move focus (with Shift, the selection
 * grows); Alt+↑/↓ moves the row itself; Ctrl/Cmd+A selects every loaded row; Escape clears the
 * selection; Delete removes the selection (or the focused row). Enter plays (the row's own key).
 */
export function onRowKeyDown(event: KeyboardEvent<HTMLElement>, actions: RowKeyActions): void {
  const row = (event.target as Element).closest<HTMLElement>("tr[data-index]");
  if (!row) return;
  const index = Number(row.dataset.index);
  const onRow = event.target === row;
  const { key } = event;
  const handled = (() => {
    if (event.altKey && (key === "ArrowUp" || key === "ArrowDown")) {
      if (!actions.canEdit) return false;
      actions.moveBy(index, key === "ArrowUp" ? -1 : 1);
      return true;
    }
    if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === "a" && onRow) {
      actions.selectAll();
      return true;
    }
    if (key === "Escape" && actions.hasSelection) {
      actions.clearSelection();
      return true;
    }
    if ((key === "Delete" || key === "Backspace") && onRow && actions.canEdit) {
      actions.removeSelected(index);
      return true;
    }
    const jump = rowJumps[key];
    if (!jump || event.altKey || event.ctrlKey || event.metaKey) return false;
    const target = jump(index, actions.count - 1);
    if (event.shiftKey) {
      if (key !== "ArrowUp" && key !== "ArrowDown") return false;
      actions.extendTo(target, index);
    } else {
      actions.anchorAt(target);
    }
    actions.focus(target);
    return true;
  })();
  // Handled here, so the player's global shortcuts (Shift+↑/↓ is volume) leave it alone.
  if (handled) event.preventDefault();
}
