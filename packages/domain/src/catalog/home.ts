import type { Cache } from "@cadence/cache";
import type { Db } from "@cadence/db";

import type { Page } from "../pagination";
import type { AlbumSummary } from "./album-list";
import { listGenres, newReleases } from "./browse";
import type { Genre } from "./browse";
import { recentlyPlayed } from "./recent";
import type { RecentAlbum } from "./recent";

/** How many of each the home page shows; each shelf pages on through its own procedure. */
export const HOME_SHELF = 12;

export interface Home {
  newReleases: Page<AlbumSummary>;
  recentlyPlayed: Page<RecentAlbum>;
  genres: Page<Genre>;
}

/** The home page's shelves in one round trip: the first page of each list. */
export async function home(
  services: { db: Db; cache: Cache },
  userId: string,
  now = new Date(),
): Promise<Home> {
  const first = { limit: HOME_SHELF };
  const [releases, recent, genres] = await Promise.all([
    newReleases(services, first, now),
    recentlyPlayed(services.db, userId, first, now),
    listGenres(services, first, now),
  ]);
  return { newReleases: releases, recentlyPlayed: recent, genres };
}
