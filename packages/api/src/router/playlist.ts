import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import {
  addCollaborator,
  addTracks,
  createInvite,
  createPlaylist,
  deletePlaylist,
  joinByInvite,
  listCollaborators,
  MAX_TRACKS_PER_ADD,
  moveItem,
  myPlaylists,
  playlistItems,
  PLAYLIST_DESCRIPTION_MAX,
  PLAYLIST_NAME_MAX,
  removeCollaborator,
  removeItems,
  revokeInvite,
  updatePlaylist,
  viewPlaylist,
} from "@cadence/domain/playlists";

import { expensiveReadProcedure, writeProcedure } from "../trpc";
import { multiLine, singleLine } from "../validation";
import { callerViewer } from "../viewer";

const playlistId = z.uuid("Not a playlist id");
const itemId = z.uuid("Not a playlist item id");
const version = z.int("Use the version you loaded").min(1).max(2_147_483_647);
const name = singleLine({ max: PLAYLIST_NAME_MAX, required: "Give the playlist a name" });
const description = multiLine({ max: PLAYLIST_DESCRIPTION_MAX });
// Positions are fractional-indexing keys; a cursor is the last item's.
const cursor = z
  .string()
  .max(200, "Not a playlist cursor")
  .regex(/^[0-9A-Za-z]+$/, "Not a playlist cursor");
const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Usernames have at least 3 characters")
  .max(30, "Usernames have at most 30 characters")
  .regex(/^[a-z0-9._]+$/, "Usernames use letters, digits, dots and underscores");

export const playlistRouter = {
  create: writeProcedure
    .input(
      z.strictObject({
        name: name.optional(),
        description: description.optional(),
        isPublic: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => createPlaylist(ctx, ctx.session.user.id, input)),

  get: expensiveReadProcedure
    .input(z.strictObject({ id: playlistId }))
    .query(({ ctx, input }) => viewPlaylist(ctx.db, ctx.cache, input.id, ctx.session.user.id)),

  items: expensiveReadProcedure
    .input(
      z.strictObject({
        id: playlistId,
        cursor: cursor.nullish(),
        limit: z.int().min(1).max(200).optional(),
        // tRPC's infinite queries send the direction along; a playlist pages forward only.
        direction: z.literal("forward", "A playlist pages forward only").optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      playlistItems(ctx, await callerViewer(ctx), input.id, {
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      }),
    ),

  mine: expensiveReadProcedure.query(({ ctx }) => myPlaylists(ctx, ctx.session.user.id)),

  update: writeProcedure
    .input(
      z
        .strictObject({
          id: playlistId,
          version,
          name: name.optional(),
          description: description.nullable().optional(),
          isPublic: z.boolean().optional(),
        })
        .refine((p) => p.name !== undefined || p.description !== undefined || p.isPublic !== undefined, {
          message: "Nothing to change",
          path: ["name"],
        }),
    )
    .mutation(({ ctx, input }) => updatePlaylist(ctx, ctx.session.user.id, input.id, input)),

  delete: writeProcedure
    .input(z.strictObject({ id: playlistId }))
    .mutation(({ ctx, input }) => deletePlaylist(ctx, ctx.session.user.id, input.id)),

  addTracks: writeProcedure
    .input(
      z.strictObject({
        id: playlistId,
        trackIds: z
          .array(z.uuid("Not a track id"))
          .min(1, "Choose at least one track")
          .max(MAX_TRACKS_PER_ADD, `Add at most ${MAX_TRACKS_PER_ADD} tracks at a time`),
        version: version.optional(),
        duplicates: z.enum(["reject", "add", "skip"]).optional(),
      }),
    )
    .mutation(({ ctx, input }) => addTracks(ctx, ctx.session.user.id, { ...input, playlistId: input.id })),

  removeItems: writeProcedure
    .input(
      z.strictObject({
        id: playlistId,
        version,
        itemIds: z.array(itemId).min(1, "Choose at least one track").max(MAX_TRACKS_PER_ADD),
      }),
    )
    .mutation(({ ctx, input }) => removeItems(ctx, ctx.session.user.id, { ...input, playlistId: input.id })),

  moveItem: writeProcedure
    .input(z.strictObject({ id: playlistId, version, itemId, afterItemId: itemId.nullable() }))
    .mutation(({ ctx, input }) => moveItem(ctx, ctx.session.user.id, { ...input, playlistId: input.id })),

  collaborators: expensiveReadProcedure
    .input(z.strictObject({ id: playlistId }))
    .query(({ ctx, input }) => listCollaborators(ctx, ctx.session.user.id, input.id)),

  invite: writeProcedure
    .input(z.strictObject({ id: playlistId }))
    .mutation(({ ctx, input }) => createInvite(ctx, ctx.session.user.id, input.id)),

  revokeInvite: writeProcedure
    .input(z.strictObject({ id: playlistId }))
    .mutation(({ ctx, input }) => revokeInvite(ctx, ctx.session.user.id, input.id)),

  join: writeProcedure
    .input(
      z.strictObject({
        token: z
          .string()
          .max(64, "Not an invite link")
          .regex(/^[A-Za-z0-9_-]+$/, "Not an invite link"),
      }),
    )
    .mutation(({ ctx, input }) => joinByInvite(ctx, ctx.session.user.id, input.token)),

  addCollaborator: writeProcedure
    .input(z.strictObject({ id: playlistId, username }))
    .mutation(({ ctx, input }) =>
      addCollaborator(ctx, ctx.session.user.id, { playlistId: input.id, username: input.username }),
    ),

  removeCollaborator: writeProcedure
    .input(z.strictObject({ id: playlistId, userId: z.uuid("Not a listener id") }))
    .mutation(({ ctx, input }) =>
      removeCollaborator(ctx, ctx.session.user.id, { playlistId: input.id, userId: input.userId }),
    ),
} satisfies TRPCRouterRecord;
