import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import {
  ARTIST_PAGE_RELEASES,
  genreAlbums,
  getAlbum,
  getArtist,
  getTrack,
  home,
  importProgress,
  listAlbums,
  listArtistReleases,
  listGenres,
  newReleases,
  recentlyPlayed,
} from "@cadence/domain/catalog";

import { expensiveReadProcedure } from "../trpc";
import { pageInput, singleLine } from "../validation";
import { callerViewer } from "../viewer";

export const catalogRouter = {
  /** Every album, most recently added first. */
  albums: expensiveReadProcedure
    .input(z.strictObject(pageInput(24)))
    .query(({ ctx, input }) => listAlbums(ctx.db, input)),

  album: expensiveReadProcedure
    .input(z.strictObject({ id: z.uuid("Not an album id") }))
    .query(async ({ ctx, input }) => getAlbum(ctx, input.id, await callerViewer(ctx))),

  artist: expensiveReadProcedure
    .input(z.strictObject({ id: z.uuid("Not an artist id") }))
    .query(async ({ ctx, input }) => getArtist(ctx, input.id, await callerViewer(ctx))),

  /** The artist's albums or singles and EPs, page by page (the artist answer holds the first). */
  artistReleases: expensiveReadProcedure
    .input(
      z.strictObject({
        id: z.uuid("Not an artist id"),
        kind: z.enum(["album", "single"]),
        ...pageInput(ARTIST_PAGE_RELEASES),
      }),
    )
    .query(({ ctx, input }) =>
      listArtistReleases(ctx, {
        artistId: input.id,
        kind: input.kind,
        limit: input.limit,
        cursor: input.cursor,
      }),
    ),

  track: expensiveReadProcedure
    .input(z.strictObject({ id: z.uuid("Not a track id") }))
    .query(async ({ ctx, input }) => getTrack(ctx, input.id, await callerViewer(ctx))),

  genres: expensiveReadProcedure
    .input(z.strictObject(pageInput(48)))
    .query(({ ctx, input }) => listGenres(ctx, input)),

  /** A genre's albums, newest first. */
  genre: expensiveReadProcedure
    .input(
      z.strictObject({
        name: singleLine({ max: 100, required: "Name a genre" }),
        ...pageInput(24),
      }),
    )
    .query(({ ctx, input }) =>
      genreAlbums(ctx, { genre: input.name, limit: input.limit, cursor: input.cursor }),
    ),

  newReleases: expensiveReadProcedure
    .input(z.strictObject(pageInput(24)))
    .query(({ ctx, input }) => newReleases(ctx, input)),

  /** The caller's own recently played albums. */
  recentlyPlayed: expensiveReadProcedure
    .input(z.strictObject(pageInput(24)))
    .query(({ ctx, input }) => recentlyPlayed(ctx.db, ctx.session.user.id, input)),

  /** The home page's shelves: new releases, recently played, genres (first pages). */
  home: expensiveReadProcedure.query(({ ctx }) => home(ctx, ctx.session.user.id)),

  /** How far a music import (the demo catalog at a first start) has got; null when none runs. */
  importProgress: expensiveReadProcedure.query(({ ctx }) => importProgress(ctx.cache)),
} satisfies TRPCRouterRecord;
