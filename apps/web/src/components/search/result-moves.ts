/**
 * Where the arrow keys take focus among a search's results. Results come in groups, in page
 * order: a shelf of cards is a row (←/→ along it, ↑/↓ to the groups around it), songs and recent
 * searches are a column (↑/↓ along it, ←/→ left to the player's seek), a grid of genres takes
 * every arrow in reading order. ↑ from the very first result goes back to the search box.
 */
export type GroupLayout = "row" | "column" | "grid";

export interface ResultGroup {
  layout: GroupLayout;
  size: number;
}

export interface ResultAt {
  group: number;
  index: number;
}

export type Move = ResultAt | "box" | null;

export function moveResult(groups: readonly ResultGroup[], at: ResultAt, key: string): Move {
  const group = groups[at.group];
  if (!group) return null;
  const along = (step: 1 | -1): ResultAt | null => {
    const index = at.index + step;
    return index >= 0 && index < group.size ? { group: at.group, index } : null;
  };
  const leave = (step: 1 | -1): Move => {
    for (let g = at.group + step; g >= 0 && g < groups.length; g += step) {
      const next = groups[g];
      if (!next || next.size === 0) continue;
      // Coming up into a column or grid lands on its last item, the one nearest.
      const index = step === -1 && next.layout !== "row" ? next.size - 1 : 0;
      return { group: g, index };
    }
    return step === -1 ? "box" : null;
  };
  switch (key) {
    case "ArrowDown":
      return (group.layout !== "row" && along(1)) || leave(1);
    case "ArrowUp":
      return (group.layout !== "row" && along(-1)) || leave(-1);
    case "ArrowRight":
      return group.layout === "column" ? null : (along(1) ?? at);
    case "ArrowLeft":
      return group.layout === "column" ? null : (along(-1) ?? at);
    default:
      return null;
  }
}
