"use client";

import { formatTime } from "../format";
import { usePlayer, usePlayerSelector } from "./player-provider";
import type { PlayerSnapshot } from "./player-store";

const clock = ({ currentTime, duration }: PlayerSnapshot) => ({ currentTime, duration });
const sameSecondTenth = (a: ReturnType<typeof clock>, b: ReturnType<typeof clock>) =>
  Math.round(a.currentTime * 10) === Math.round(b.currentTime * 10) && a.duration === b.duration;

/** Elapsed time, the seek bar and the duration: the only part of the bar the clock re-renders. */
export function PlaybackProgress({ disabled }: { disabled: boolean }) {
  const player = usePlayer();
  const { currentTime, duration } = usePlayerSelector(clock, sameSecondTenth);
  const fill = `${(currentTime / Math.max(1, duration)) * 100}%`;
  return (
    <div className="np-seek">
      <span className="time" data-testid="current-time">
        {formatTime(currentTime)}
      </span>
      <input
        type="range"
        className="slider"
        aria-label="Seek"
        min={0}
        max={Math.max(1, duration)}
        step={0.1}
        value={Math.min(currentTime, duration)}
        disabled={disabled}
        aria-valuetext={`${formatTime(currentTime)} of ${formatTime(duration)}`}
        style={{ "--fill": fill } as React.CSSProperties}
        onChange={(e) => player?.seek(Number(e.currentTarget.value))}
      />
      <span className="time">{formatTime(duration)}</span>
    </div>
  );
}
