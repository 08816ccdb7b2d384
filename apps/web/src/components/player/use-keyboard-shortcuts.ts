import type { Player } from "@cadence/player";
import { useEffect } from "react";

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Space plays/pauses, ←/→ seek 5 s, Shift+←/→ previous/next, ↑/↓ volume, M mutes.
 * Ignored while typing, and space is left to a focused button so it still clicks.
 */
export function useKeyboardShortcuts(player: Player | null) {
  useEffect(() => {
    if (!player) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.metaKey ||
        event.ctrlKey ||
        event.altKey ||
        typingInto(event.target)
      )
        return;
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
            player.setVolume(Math.min(1, player.volume + 0.1));
            return true;
          case "ArrowDown":
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
