"use client";

import Link from "next/link";

import type { CatalogTrack } from "../player/to-player-track";
import { TrackListHead } from "../track-list";
import type { useListPlayback } from "../track-list";
import { TrackRow } from "../track-row";
import { useRovingRows } from "../use-roving-rows";
import { RESULT, resultGroup } from "./result-navigation";
import shelfStyles from "../shelf.module.css";
import styles from "./search.module.css";

/** Songs shown beside the top result; the rest are a "Show all" away. */
export const SONGS_SHOWN = 5;

/**
 * The first songs found, as rows like every track list's (heart, menu, play). The table is one
 * tab stop; the arrow keys move through it and on to the other results (the page handles them).
 */
export function SongResults({
  tracks,
  list,
  showAllHref,
  onPlay,
}: {
  tracks: CatalogTrack[];
  list: ReturnType<typeof useListPlayback>;
  showAllHref: string | null;
  onPlay: () => void;
}) {
  const shown = tracks.slice(0, SONGS_SHOWN);
  const roving = useRovingRows(shown.length, 0);
  return (
    <section className={styles.songs} aria-labelledby="search-songs">
      <header className={shelfStyles.header}>
        <h2 id="search-songs" className="section-title">
          Songs
        </h2>
        {showAllHref && (
          <Link href={showAllHref} className={shelfStyles.all} aria-label="Show all: Songs">
            Show all
          </Link>
        )}
      </header>
      <table className="track-list" aria-label="Songs">
        <TrackListHead showAlbum />
        <tbody {...resultGroup("column")}>
          {shown.map((track, i) => {
            const current = i === list.currentIndex;
            return (
              <TrackRow
                key={track.id}
                track={track}
                number={i + 1}
                showAlbum
                current={current}
                playing={current && list.playing}
                rowProps={{ ...roving.rowProps(i), ...RESULT }}
                onPlay={() => {
                  onPlay();
                  list.play(track);
                }}
                onPreload={() => list.preload(track)}
              />
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
