"use client";

import { ClockIcon, PauseIcon, PlayIcon } from "./icons";
import { useSeedLikes } from "./library/likes-provider";
import { useNowPlaying, usePlayer, useRememberStreams } from "./player/player-provider";
import { toPlayerTrack } from "./player/to-player-track";
import type { CatalogTrack } from "./player/to-player-track";
import type { ReactNode } from "react";
import { TrackRow } from "./track-row";
import { useRovingRows } from "./use-roving-rows";

/**
 * What a list of tracks does with the player: playing one queues the list's playable tracks
 * from there, the way a listener expects; the current one toggles. Its streams and likes are
 * handed to the player and the likes store.
 */
export function useListPlayback(tracks: CatalogTrack[]) {
  const player = usePlayer();
  const { track: current, status } = useNowPlaying();
  useRememberStreams(tracks);
  useSeedLikes(tracks);
  const currentIndex = tracks.findIndex((t) => t.id === current?.id);
  return {
    currentIndex,
    playing: isPlaying(status),
    play: (track: CatalogTrack) => {
      if (!player) return;
      if (current?.id === track.id) return void player.toggle();
      const playable = tracks.filter((t) => t.playable);
      void player.playTracks(playable.map(toPlayerTrack), playable.indexOf(track));
    },
    preload: (track: CatalogTrack) => void player?.preload(track.id),
  };
}

/**
 * Tracks of an album or an artist. Hovering a row warms the player up for it. The list is one
 * tab stop: ↑/↓ move between rows, Enter plays, Tab reaches the focused row's own controls.
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
  const list = useListPlayback(tracks);
  const roving = useRovingRows(tracks.length, Math.max(0, list.currentIndex));

  return (
    <table className="track-list" aria-label={label}>
      <TrackListHead showAlbum={showAlbum} />
      <tbody onKeyDown={roving.onKeyDown}>
        {tracks.map((track, i) => {
          const isCurrent = i === list.currentIndex;
          return (
            <TrackRow
              key={track.id}
              track={track}
              number={showAlbum ? i + 1 : (track.trackNumber ?? i + 1)}
              showAlbum={showAlbum}
              current={isCurrent}
              playing={isCurrent && list.playing}
              rowProps={roving.rowProps(i)}
              onPlay={() => list.play(track)}
              onPreload={() => list.preload(track)}
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
        <th scope="col" className="col-like">
          <span className="visually-hidden">Liked</span>
        </th>
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
