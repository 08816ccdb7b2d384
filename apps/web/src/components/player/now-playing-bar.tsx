"use client";

import Link from "next/link";
import { useState } from "react";

import { formatTime } from "../format";
import {
  MuteIcon,
  NextIcon,
  PauseIcon,
  PlayIcon,
  PreviousIcon,
  QueueIcon,
  RepeatIcon,
  RepeatOneIcon,
  ShuffleIcon,
  VolumeIcon,
} from "../icons";
import { usePlayer, usePlayerState } from "./player-provider";
import { QueuePanel } from "./queue-panel";
import { ArtistLinks } from "~/components/artist-links";

/** The persistent bar at the bottom: what is playing and every transport control. */
export function NowPlayingBar() {
  const player = usePlayer();
  const state = usePlayerState();
  const [queueOpen, setQueueOpen] = useState(false);
  const { track, status, queue } = state;
  const playing = status === "playing" || status === "buffering" || status === "loading";
  const disabled = !player || !track;
  const repeatLabel = { off: "Repeat off", all: "Repeat all", one: "Repeat one" }[queue.repeat];

  return (
    <footer className="now-playing" aria-label="Now playing">
      <div className="np-track">
        {track ? (
          <>
            {track.album.coverUrl ? (
              <img
                className="np-cover"
                src={track.album.coverUrl}
                alt=""
                width={56}
                height={56}
                fetchPriority="low"
                decoding="async"
              />
            ) : (
              <div className="np-cover placeholder" aria-hidden="true" />
            )}
            <div className="np-meta">
              <Link href={`/album/${track.album.id}`} className="np-title" data-testid="now-playing-title">
                {track.title}
              </Link>
              <div className="np-artists">
                <ArtistLinks artists={track.artists} />
              </div>
            </div>
          </>
        ) : (
          <p className="np-empty">Pick something to play</p>
        )}
      </div>

      <div className="np-center">
        <div className="np-controls">
          <button
            type="button"
            className={`icon-button${queue.shuffled ? " active" : ""}`}
            aria-label="Shuffle"
            aria-pressed={queue.shuffled}
            disabled={disabled}
            onClick={() => player?.toggleShuffle()}
          >
            <ShuffleIcon size={20} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Previous"
            disabled={disabled}
            onClick={() => void player?.previous()}
          >
            <PreviousIcon />
          </button>
          <button
            type="button"
            className="play-button"
            aria-label={playing ? "Pause" : "Play"}
            disabled={disabled}
            onClick={() => void player?.toggle()}
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Next"
            disabled={disabled}
            onClick={() => void player?.next()}
          >
            <NextIcon />
          </button>
          <button
            type="button"
            className={`icon-button${queue.repeat !== "off" ? " active" : ""}`}
            aria-label={repeatLabel}
            title={repeatLabel}
            disabled={disabled}
            onClick={() => player?.cycleRepeat()}
          >
            {queue.repeat === "one" ? <RepeatOneIcon size={20} /> : <RepeatIcon size={20} />}
          </button>
        </div>
        <div className="np-seek">
          <span className="time" data-testid="current-time">
            {formatTime(state.currentTime)}
          </span>
          <input
            type="range"
            className="slider"
            aria-label="Seek"
            min={0}
            max={Math.max(1, state.duration)}
            step={0.1}
            value={Math.min(state.currentTime, state.duration)}
            disabled={disabled}
            aria-valuetext={`${formatTime(state.currentTime)} of ${formatTime(state.duration)}`}
            style={
              {
                "--fill": `${(state.currentTime / Math.max(1, state.duration)) * 100}%`,
              } as React.CSSProperties
            }
            onChange={(e) => player?.seek(Number(e.currentTarget.value))}
          />
          <span className="time">{formatTime(state.duration)}</span>
        </div>
      </div>

      <div className="np-right">
        {state.level && (
          <span className="quality" title="Current stream quality">
            {state.level.bitrateKbps} kb/s
          </span>
        )}
        <button
          type="button"
          className={`icon-button${queueOpen ? " active" : ""}`}
          aria-label="Queue"
          aria-expanded={queueOpen}
          onClick={() => setQueueOpen((open) => !open)}
        >
          <QueueIcon size={20} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={state.muted ? "Unmute" : "Mute"}
          onClick={() => player?.toggleMute()}
        >
          {state.muted || state.volume === 0 ? <MuteIcon size={20} /> : <VolumeIcon size={20} />}
        </button>
        <input
          type="range"
          className="slider volume"
          aria-label="Volume"
          min={0}
          max={1}
          step={0.01}
          value={state.muted ? 0 : state.volume}
          style={{ "--fill": `${(state.muted ? 0 : state.volume) * 100}%` } as React.CSSProperties}
          onChange={(e) => player?.setVolume(Number(e.currentTarget.value))}
        />
      </div>
      {queueOpen && <QueuePanel onClose={() => setQueueOpen(false)} />}
    </footer>
  );
}
