import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { viewerOf } from "@cadence/domain/catalog";
import {
  followArtist,
  isAlbumSaved,
  isFollowingArtist,
  libraryEntries,
  likedTracks,
  likeTrack,
  saveAlbum,
} from "@cadence/domain/library";

import { protectedProcedure } from "../trpc";
import { paging } from "../validation";

const trackId = z.uuid("Not a track id");
const albumId = z.uuid("Not an album id");
const artistId = z.uuid("Not an artist id");
const limit = (fallback: number) => z.int().min(1).max(100).default(fallback);

/** The listener's own collection: Liked Songs, saved albums, followed artists, the library page. */
export const libraryRouter = {
  likeTrack: protectedProcedure
    .input(z.strictObject({ trackId, liked: z.boolean() }))
    .mutation(({ ctx, input }) => likeTrack(ctx.db, ctx.session.user.id, input)),

  likedTracks: protectedProcedure
    .input(z.strictObject({ ...paging, limit: limit(50) }))
    .query(async ({ ctx, input }) =>
      likedTracks(ctx.db, await viewerOf(ctx.db, ctx.session.user.id, ctx.streaming), input),
    ),

  saveAlbum: protectedProcedure
    .input(z.strictObject({ albumId, saved: z.boolean() }))
    .mutation(({ ctx, input }) => saveAlbum(ctx.db, ctx.session.user.id, input)),

  isAlbumSaved: protectedProcedure
    .input(z.strictObject({ albumId }))
    .query(({ ctx, input }) => isAlbumSaved(ctx.db, ctx.session.user.id, input.albumId)),

  followArtist: protectedProcedure
    .input(z.strictObject({ artistId, following: z.boolean() }))
    .mutation(({ ctx, input }) => followArtist(ctx.db, ctx.session.user.id, input)),

  isFollowingArtist: protectedProcedure
    .input(z.strictObject({ artistId }))
    .query(({ ctx, input }) => isFollowingArtist(ctx.db, ctx.session.user.id, input.artistId)),

  entries: protectedProcedure
    .input(
      z.strictObject({
        kind: z.enum(["playlist", "album", "artist"]).optional(),
        sort: z.enum(["recent", "alphabetical", "creator"]).default("recent"),
        ...paging,
        limit: limit(50),
      }),
    )
    .query(({ ctx, input }) => libraryEntries(ctx.db, ctx.session.user.id, input)),
} satisfies TRPCRouterRecord;
