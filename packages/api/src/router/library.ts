import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import {
  followArtist,
  isAlbumSaved,
  isFollowingArtist,
  libraryEntries,
  likedTracks,
  likeTrack,
  saveAlbum,
} from "@cadence/domain/library";

import { expensiveReadProcedure, writeProcedure } from "../trpc";
import { pageInput } from "../validation";
import { callerViewer } from "../viewer";

const trackId = z.uuid("Not a track id");
const albumId = z.uuid("Not an album id");
const artistId = z.uuid("Not an artist id");

/** The listener's own collection: Liked Songs, saved albums, followed artists, the library page. */
export const libraryRouter = {
  likeTrack: writeProcedure
    .input(z.strictObject({ trackId, liked: z.boolean() }))
    .mutation(({ ctx, input }) => likeTrack(ctx.db, ctx.session.user.id, input)),

  likedTracks: expensiveReadProcedure
    .input(z.strictObject(pageInput(50)))
    .query(async ({ ctx, input }) => likedTracks(ctx.db, await callerViewer(ctx), input)),

  saveAlbum: writeProcedure
    .input(z.strictObject({ albumId, saved: z.boolean() }))
    .mutation(({ ctx, input }) => saveAlbum(ctx.db, ctx.session.user.id, input)),

  isAlbumSaved: expensiveReadProcedure
    .input(z.strictObject({ albumId }))
    .query(({ ctx, input }) => isAlbumSaved(ctx.db, ctx.session.user.id, input.albumId)),

  followArtist: writeProcedure
    .input(z.strictObject({ artistId, following: z.boolean() }))
    .mutation(({ ctx, input }) => followArtist(ctx.db, ctx.session.user.id, input)),

  isFollowingArtist: expensiveReadProcedure
    .input(z.strictObject({ artistId }))
    .query(({ ctx, input }) => isFollowingArtist(ctx.db, ctx.session.user.id, input.artistId)),

  entries: expensiveReadProcedure
    .input(
      z.strictObject({
        kind: z.enum(["playlist", "album", "artist"]).optional(),
        sort: z.enum(["recent", "alphabetical", "creator"]).default("recent"),
        ...pageInput(50),
      }),
    )
    .query(({ ctx, input }) => libraryEntries(ctx.db, ctx.session.user.id, input)),
} satisfies TRPCRouterRecord;
