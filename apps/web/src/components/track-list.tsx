"use client";

import Link from "next/link";

import { formatTime } from "./format";
import { ClockIcon, PauseIcon, PlayIcon } from "./icons";
import { useNowPlaying, usePlayer, useRememberStreams } from "./player/player-provider";
import { toPlayerTrack } from "./player/to-player-track";
import type { CatalogTrack } from "./player/to-player-track";
import { ArtistLinks } from "~/components/artist-links";

/**
 * Tracks of an album or an artist. Playing one queues the whole list from there, the way a
 * listener expects; hovering a row warms the player up for it.
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
  useRememberStreams(tracks);
  const play = (track: CatalogTrack) => {
    if (!player) return;
    if (current?.id === track.id) return void player.toggle();
    void player.playTracks(playable.map(toPlayerTrack), playable.indexOf(track));
  };

  return (
    <table className="track-list" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="col-index">
            #
          </th>
          <th scope="col">Title</th>
          {showAlbum && <th scope="col">Album</th>}
          <th scope="col" className="col-duration">
            <span className="visually-hidden">Duration</span>
            <ClockIcon size={16} />
          </th>
        </tr>
      </thead>
      <tbody>
        {tracks.map((track, i) => {
          const isCurrent = current?.id === track.id;
          const isPlaying =
            isCurrent && (status === "playing" || status === "buffering" || status === "loading");
          return (
            <tr
              key={track.id}
              className={`${isCurrent ? "current" : ""}${track.playable ? "" : " unavailable"}`}
              aria-current={isCurrent ? "true" : undefined}
              onMouseEnter={() => track.playable && void player?.preload(track.id)}
              onDoubleClick={() => track.playable && play(track)}
              title={track.unavailableReason ?? undefined}
            >
              <td className="col-index">
                <span className="index">{showAlbum ? i + 1 : (track.trackNumber ?? i + 1)}</span>
                <button
                  type="button"
                  className="row-play"
                  aria-label={`${isPlaying ? "Pause" : "Play"} ${track.title}`}
                  disabled={!track.playable}
                  onClick={() => play(track)}
                >
                  {isPlaying ? <PauseIcon size={18} /> : <PlayIcon size={18} />}
                </button>
              </td>
              <td>
                <div className="track-title">
                  {track.title}
                  {track.explicit && (
                    <span className="explicit" title="Explicit">
                      E
                    </span>
                  )}
                </div>
                <div className="track-artists">
                  <ArtistLinks artists={track.artists} />
                </div>
              </td>
              {showAlbum && (
                <td>
                  <Link href={`/album/${track.album.id}`}>{track.album.title}</Link>
                </td>
              )}
              <td className="col-duration">{formatTime(track.durationMs / 1000)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The big round button of an album or artist header. */
export function PlayAllButton({ tracks, label }: { tracks: CatalogTrack[]; label: string }) {
  const player = usePlayer();
  const { track: current, status } = useNowPlaying();
  const playable = tracks.filter((t) => t.playable);
  const fromHere = current && playable.some((t) => t.id === current.id);
  const playing = fromHere && (status === "playing" || status === "buffering" || status === "loading");
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
