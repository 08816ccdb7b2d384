"use client";

import Link from "next/link";
import { useRef, useState } from "react";

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
import { PlaybackProgress } from "./playback-progress";
import { usePlayer, usePlayerControlsState } from "./player-provider";
import { QueuePanel } from "./queue-panel";
import { ArtistLinks } from "~/components/artist-links";
import { LikeButton } from "~/components/library/like-button";

/** The persistent bar at the bottom: what is playing and every transport control. */
export function NowPlayingBar() {
  const player = usePlayer();
  const state = usePlayerControlsState();
  const [queueOpen, setQueueOpen] = useState(false);
  const queueButton = useRef<HTMLButtonElement>(null);
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
            <LikeButton track={track} />
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
            aria-keyshortcuts="Shift+ArrowLeft"
            disabled={disabled}
            onClick={() => void player?.previous()}
          >
            <PreviousIcon />
          </button>
          <button
            type="button"
            className="play-button"
            aria-label={playing ? "Pause" : "Play"}
            aria-keyshortcuts="Space"
            disabled={disabled}
            onClick={() => void player?.toggle()}
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Next"
            aria-keyshortcuts="Shift+ArrowRight"
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
        <PlaybackProgress disabled={disabled} />
      </div>

      <div className="np-right">
        {state.level && (
          <span className="quality" title="Current stream quality">
            {state.level.bitrateKbps} kb/s
          </span>
        )}
        <button
          type="button"
          ref={queueButton}
          className={`icon-button${queueOpen ? " active" : ""}`}
          aria-label="Queue"
          aria-expanded={queueOpen}
          aria-controls={queueOpen ? "queue-panel" : undefined}
          onClick={() => setQueueOpen((open) => !open)}
        >
          <QueueIcon size={20} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={state.muted ? "Unmute" : "Mute"}
          aria-keyshortcuts="M"
          onClick={() => player?.toggleMute()}
        >
          {state.muted || state.volume === 0 ? <MuteIcon size={20} /> : <VolumeIcon size={20} />}
        </button>
        <input
          type="range"
          className="slider volume"
          aria-label="Volume"
          aria-keyshortcuts="Shift+ArrowUp Shift+ArrowDown"
          min={0}
          max={1}
          step={0.01}
          value={state.muted ? 0 : state.volume}
          style={{ "--fill": `${(state.muted ? 0 : state.volume) * 100}%` } as React.CSSProperties}
          onChange={(e) => player?.setVolume(Number(e.currentTarget.value))}
        />
      </div>
      {queueOpen && (
        <QueuePanel
          id="queue-panel"
          onClose={() => {
            setQueueOpen(false);
            queueButton.current?.focus();
          }}
        />
      )}
    </footer>
  );
}
