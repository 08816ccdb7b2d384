"use client";

import { ClockIcon, PauseIcon, PlayIcon } from "./icons";
import { useNowPlaying, usePlayer, useRememberStreams } from "./player/player-provider";
import { toPlayerTrack } from "./player/to-player-track";
import type { CatalogTrack } from "./player/to-player-track";
import type { ReactNode } from "react";
import { TrackRow } from "./track-row";
import { useRovingRows } from "./use-roving-rows";

/**
 * Tracks of an album or an artist. Playing one queues the whole list from there, the way a
 * listener expects; hovering a row warms the player up for it. The list is one tab stop:
 * ↑/↓ move between rows, Enter plays, Tab reaches the focused row's own controls.
 */
export function TrackList({
  tracks,
  showAlbum = false,
  label,
}: {
  tracks: CatalogTrack[];
  showAlbum?: boolean;
  label: string;
}) {
  const player = usePlayer();
  const { track: current, status } = useNowPlaying();
  const playable = tracks.filter((t) => t.playable);
  const currentIndex = tracks.findIndex((t) => t.id === current?.id);
  const roving = useRovingRows(tracks.length, Math.max(0, currentIndex));
  useRememberStreams(tracks);
  const play = (track: CatalogTrack) => {
    if (!player) return;
    if (current?.id === track.id) return void player.toggle();
    void player.playTracks(playable.map(toPlayerTrack), playable.indexOf(track));
  };

  return (
    <table className="track-list" aria-label={label}>
      <TrackListHead showAlbum={showAlbum} />
      <tbody onKeyDown={roving.onKeyDown}>
        {tracks.map((track, i) => {
          const isCurrent = i === currentIndex;
          return (
            <TrackRow
              key={track.id}
              track={track}
              number={showAlbum ? i + 1 : (track.trackNumber ?? i + 1)}
              showAlbum={showAlbum}
              current={isCurrent}
              playing={isCurrent && isPlaying(status)}
              rowProps={roving.rowProps(i)}
              onPlay={() => play(track)}
              onPreload={() => void player?.preload(track.id)}
            />
          );
        })}
      </tbody>
    </table>
  );
}

/** The columns' heads; a list adds its own before the duration (a playlist's "Date added"). */
export function TrackListHead({ showAlbum, extra }: { showAlbum: boolean; extra?: ReactNode }) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col" className="col-index">
          #
        </th>
        <th scope="col">Title</th>
        {showAlbum && (
          <th scope="col" className="col-album">
            Album
          </th>
        )}
        {extra}
        <th scope="col" className="col-duration">
          <span className="visually-hidden">Duration</span>
          <ClockIcon size={16} />
        </th>
        <th scope="col" className="col-menu">
          <span className="visually-hidden">More options</span>
        </th>
      </tr>
    </thead>
  );
}

const isPlaying = (status: string) => status === "playing" || status === "buffering" || status === "loading";

/** The big round button of an album or artist header. */
export function PlayAllButton({ tracks, label }: { tracks: CatalogTrack[]; label: string }) {
  const player = usePlayer();
  const { track: current, status } = useNowPlaying();
  const playable = tracks.filter((t) => t.playable);
  const fromHere = current && playable.some((t) => t.id === current.id);
  const playing = fromHere && isPlaying(status);
  return (
    <button
      type="button"
      className="play-all"
      aria-label={`${playing ? "Pause" : "Play"} ${label}`}
      disabled={!player || playable.length === 0}
      onClick={() => {
        if (!player) return;
        if (fromHere) return void player.toggle();
        void player.playTracks(playable.map(toPlayerTrack), 0);
      }}
      onMouseEnter={() => playable[0] && void player?.preload(playable[0].id)}
    >
      {playing ? <PauseIcon size={28} /> : <PlayIcon size={28} />}
    </button>
  );
}
