import { randomBytes } from "node:crypto";

import { and, asc, count, eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { reindex } from "@cadence/search";

import { AppError } from "../errors";
import type { DomainServices } from "../services";
import { playlistFor } from "./access";
import { viewPlaylist } from "./meta";

const MAX_COLLABORATORS = 50;
const collaborator = schema.playlistCollaborator;

/** Editors and the invite link are part of what readers see: changing them bumps the version. */
const nextVersion = { version: sql`${schema.playlist.version} + 1`, updatedAt: new Date() };

/** Keeps `is_collaborative` true exactly while the playlist has editors. */
async function syncCollaborative(tx: Db, playlistId: string): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(collaborator)
    .where(eq(collaborator.playlistId, playlistId));
  await tx
    .update(schema.playlist)
    .set({ isCollaborative: Number(row?.n ?? 0) > 0, ...nextVersion })
    .where(eq(schema.playlist.id, playlistId));
  // Editors may find a private playlist; an engine other than Postgres keeps who they are.
  await reindex(tx, "playlist", [playlistId]);
}

async function addEditor(tx: Db, playlistId: string, userId: string): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(collaborator)
    .where(eq(collaborator.playlistId, playlistId));
  if (Number(row?.n ?? 0) >= MAX_COLLABORATORS) {
    throw new AppError("INVALID", `A playlist can have at most ${MAX_COLLABORATORS} collaborators`);
  }
  await tx.insert(collaborator).values({ playlistId, userId }).onConflictDoNothing();
  await syncCollaborative(tx, playlistId);
}

/**
 * A fresh invite link secret (the previous link stops working). Whoever opens the link while
 * signed in becomes an editor; the owner alone makes, rotates and revokes it.
 */
export async function createInvite(
  { db }: DomainServices,
  userId: string,
  playlistId: string,
): Promise<{ token: string }> {
  const token = randomBytes(18).toString("base64url");
  await db.transaction(async (tx) => {
    await playlistFor(tx, playlistId, userId, "own", { lock: true });
    await tx
      .update(schema.playlist)
      .set({ inviteToken: token, ...nextVersion })
      .where(eq(schema.playlist.id, playlistId));
  });
  return { token };
}

export async function revokeInvite({ db }: DomainServices, userId: string, playlistId: string) {
  await db.transaction(async (tx) => {
    await playlistFor(tx, playlistId, userId, "own", { lock: true });
    await tx
      .update(schema.playlist)
      .set({ inviteToken: null, ...nextVersion })
      .where(eq(schema.playlist.id, playlistId));
  });
}

/** Accepts an invite link: the caller becomes an editor (the owner stays the owner). */
export async function joinByInvite(
  { db }: DomainServices,
  userId: string,
  token: string,
): Promise<{ id: string; name: string }> {
  const joined = await db.transaction(async (tx) => {
    const [playlist] = await tx
      .select({ id: schema.playlist.id, name: schema.playlist.name, ownerId: schema.playlist.ownerId })
      .from(schema.playlist)
      .where(eq(schema.playlist.inviteToken, token))
      .for("update");
    if (!playlist) throw new AppError("NOT_FOUND", "This invite link is no longer valid", "token");
    if (playlist.ownerId !== userId) await addEditor(tx, playlist.id, userId);
    return { id: playlist.id, name: playlist.name };
  });
  return joined;
}

/** The owner adds an editor by username. */
export async function addCollaborator(
  { db }: DomainServices,
  userId: string,
  input: { playlistId: string; username: string },
): Promise<{ userId: string }> {
  const added = await db.transaction(async (tx) => {
    await playlistFor(tx, input.playlistId, userId, "own", { lock: true });
    const [profile] = await tx
      .select({ userId: schema.profile.userId })
      .from(schema.profile)
      .where(eq(schema.profile.username, input.username.toLowerCase()));
    if (!profile) throw new AppError("NOT_FOUND", "No listener has this username", "username");
    if (profile.userId === userId) {
      throw new AppError("INVALID", "You own this playlist already", "username");
    }
    await addEditor(tx, input.playlistId, profile.userId);
    return { userId: profile.userId };
  });
  return added;
}

/** The owner removes an editor, or an editor leaves. The items they added stay. */
export async function removeCollaborator(
  { db }: DomainServices,
  userId: string,
  input: { playlistId: string; userId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const leaving = input.userId === userId;
    await playlistFor(tx, input.playlistId, userId, leaving ? "edit" : "own", { lock: true });
    const removed = await tx
      .delete(collaborator)
      .where(and(eq(collaborator.playlistId, input.playlistId), eq(collaborator.userId, input.userId)))
      .returning({ userId: collaborator.userId });
    if (removed.length === 0)
      throw new AppError("NOT_FOUND", "Not a collaborator of this playlist", "userId");
    await syncCollaborative(tx, input.playlistId);
  });
}

/** Who edits a playlist, for anyone who can see it; the invite link only for its owner. */
export async function listCollaborators({ db, cache }: DomainServices, userId: string, playlistId: string) {
  const view = await viewPlaylist(db, cache, playlistId, userId);
  const rows = await db
    .select({
      userId: collaborator.userId,
      username: schema.profile.username,
      displayName: schema.profile.displayName,
      addedAt: collaborator.addedAt,
    })
    .from(collaborator)
    .innerJoin(schema.profile, eq(schema.profile.userId, collaborator.userId))
    .where(eq(collaborator.playlistId, playlistId))
    .orderBy(asc(collaborator.addedAt));
  let inviteToken: string | null = null;
  if (view.isOwner) {
    const [row] = await db
      .select({ token: schema.playlist.inviteToken })
      .from(schema.playlist)
      .where(eq(schema.playlist.id, playlistId));
    inviteToken = row?.token ?? null;
  }
  return { collaborators: rows, inviteToken };
}
