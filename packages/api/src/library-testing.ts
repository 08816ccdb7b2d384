import { randomBytes } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

import { eq, schema, sql } from "@cadence/db";
import type { Db } from "@cadence/db";
import { AppError } from "@cadence/domain";

import type { Session } from "./context";
import type { TestStack } from "./testing";

/** A new listener, signed up through the API; their session and username. */
export async function signUpListener(
  stack: TestStack,
  displayName = "Listener",
): Promise<Session & { username: string }> {
  const email = `lib-${randomBytes(5).toString("hex")}@example.com`;
  const { id } = await stack
    .caller()
    .auth.signUp({ email, password: "a long listening phrase", displayName });
  const [profile] = await stack.db
    .select({ username: schema.profile.username })
    .from(schema.profile)
    .where(eq(schema.profile.userId, id));
  return { user: { id, email, role: "listener" }, username: profile?.username ?? "" };
}

/** How a call failed, as a client sees it: the tRPC code and the field it names. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string; field: string | undefined; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  const { cause } = error;
  const field =
    cause instanceof AppError
      ? cause.field
      : cause instanceof ZodError
        ? cause.issues[0]?.path.join(".")
        : undefined;
  return { code: error.code, field, message: error.message };
}

/** A playlist as the playlist router leaves one, straight into the table. */
export async function insertPlaylist(
  db: Db,
  ownerId: string,
  options: { name?: string; isPublic?: boolean; trackIds?: string[]; createdAt?: Date } = {},
): Promise<string> {
  const [playlist] = await db
    .insert(schema.playlist)
    .values({
      ownerId,
      name: options.name ?? `Playlist ${randomBytes(3).toString("hex")}`,
      isPublic: options.isPublic ?? false,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning({ id: schema.playlist.id });
  const id = playlist?.id ?? "";
  const trackIds = options.trackIds ?? [];
  if (trackIds.length > 0) {
    await db.insert(schema.playlistItem).values(
      trackIds.map((trackId, i) => ({
        playlistId: id,
        trackId,
        addedBy: ownerId,
        position: `a${String(i).padStart(4, "0")}`,
      })),
    );
    // The totals an edit would have kept (see playlist.item_count).
    await db.execute(sql`update playlist set item_count = t.n, duration_ms = t.d
      from (select count(*)::int as n, coalesce(sum(track.duration_ms), 0)::bigint as d
            from playlist_item join track on track.id = playlist_item.track_id
            where playlist_item.playlist_id = ${id}) t
      where playlist.id = ${id}`);
  }
  return id;
}
