import type { Player } from "@cadence/player";
import { useEffect } from "react";

/** Keys that belong to whatever has focus: text fields, sliders, selects, menus. */
export function focusOwnsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  return target.closest("[role=listbox], [role=menu], [role=grid], [role=slider]") !== null;
}

/**
 * Space plays/pauses, ←/→ seek 5 s, Shift+←/→ previous/next, Shift+↑/↓ volume, M mutes.
 * Plain ↑/↓ are left alone: they scroll the page or the list that has focus. Nothing is taken
 * from a focused text field, slider or menu, and space is left to a focused button so it clicks.
 */
export function useKeyboardShortcuts(player: Player | null) {
  useEffect(() => {
    if (!player) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (focusOwnsKeys(event.target)) return;
      const handled = (() => {
        switch (event.key) {
          case " ":
            if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)
              return false;
            void player.toggle();
            return true;
          case "ArrowRight":
            if (event.shiftKey) void player.next();
            else player.seek(Math.min(player.duration, player.currentTime + 5));
            return true;
          case "ArrowLeft":
            if (event.shiftKey) void player.previous();
            else player.seek(Math.max(0, player.currentTime - 5));
            return true;
          case "ArrowUp":
            if (!event.shiftKey) return false;
            player.setVolume(Math.min(1, player.volume + 0.1));
            return true;
          case "ArrowDown":
            if (!event.shiftKey) return false;
            player.setVolume(Math.max(0, player.volume - 0.1));
            return true;
          case "m":
          case "M":
            player.toggleMute();
            return true;
          default:
            return false;
        }
      })();
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [player]);
}
