import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema, sql } from "@cadence/db";
import { recordPublishedTrack } from "@cadence/domain/catalog";
import type { PublishedTrack } from "@cadence/domain/catalog";

import type { Session } from "../../context";
import { createListener, createTestStack, insertTrack, stacks, UNLIMITED } from "../../testing";
import type { TestStack } from "../../testing";
import { allItems, failure, shapeOf } from "./fixtures";

// The playlist row keeps its item count and length (playlist.item_count, duration_ms): every
// edit moves them in its own transaction, so a read never counts the items.
describe.each(stacks)("playlist totals on $name", (stackConfig) => {
  let stack: TestStack;
  let owner: Session;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig, { requestLimits: UNLIMITED });
    owner = await createListener(stack.db, "Counter");
  });
  afterAll(() => stack.close());

  const mine = () => stack.caller(owner);
  const trackOf = async (durationMs: number, coverPath?: string | null) => {
    const { trackId, albumId } = await insertTrack(stack.db, { durationMs });
    if (coverPath !== undefined) {
      await stack.db.update(schema.album).set({ coverPath }).where(eq(schema.album.id, albumId));
    }
    return trackId;
  };
  /** What the items add up to, counted afresh. */
  const counted = async (id: string) => {
    const [row] = await stack.db
      .select({
        itemCount: sql<number>`count(*)::int`,
        durationMs: sql<number>`sum(${schema.track.durationMs})::int`,
      })
      .from(schema.playlistItem)
      .innerJoin(schema.track, eq(schema.track.id, schema.playlistItem.trackId))
      .where(eq(schema.playlistItem.playlistId, id));
    return { itemCount: Number(row?.itemCount), durationMs: Number(row?.durationMs) };
  };
  const stored = async (id: string) => {
    const { itemCount, durationMs } = await mine().playlist.get({ id });
    return { itemCount, durationMs };
  };

  it("stay right through adds, duplicates, removes and parallel appends", async () => {
    const [a, b, c] = [await trackOf(1_000), await trackOf(20_000), await trackOf(300_000)];
    const { id } = await mine().playlist.create({ name: "Sums", isPublic: true });
    await mine().playlist.addTracks({ id, trackIds: [a, b] });
    await mine().playlist.addTracks({ id, trackIds: [a, c], duplicates: "add" });
    await mine().playlist.addTracks({ id, trackIds: [b, c], duplicates: "skip" });
    expect(await stored(id)).toEqual({ itemCount: 4, durationMs: 322_000 });

    // A refused edit changes nothing.
    await failure(mine().playlist.addTracks({ id, trackIds: [a, randomUUID()] }));
    expect(await stored(id)).toEqual({ itemCount: 4, durationMs: 322_000 });

    const items = await allItems(stack, owner, id);
    const { version } = await mine().playlist.get({ id });
    const firstA = items.find((i) => i.trackId === a)?.itemId ?? "";
    const theC = items.find((i) => i.trackId === c)?.itemId ?? "";
    await mine().playlist.removeItems({ id, version, itemIds: [firstA, theC] });
    expect(await stored(id)).toEqual({ itemCount: 2, durationMs: 21_000 });

    // Appends need no version: all of them at once, each in its own transaction.
    const more = await Promise.all(Array.from({ length: 8 }, (_, i) => trackOf(1_000 * (i + 1))));
    await Promise.all(more.map((trackId) => mine().playlist.addTracks({ id, trackIds: [trackId] })));
    expect(await stored(id)).toEqual({ itemCount: 10, durationMs: 21_000 + 36_000 });
    expect(await stored(id)).toEqual(await counted(id));

    // The profile's list shows the same count.
    const listed = (await mine().profile.playlists({ userId: owner.user.id })).items.find((p) => p.id === id);
    expect(listed?.trackCount).toBe(10);
  });

  it("hold the playlist's size limit without counting the items", async () => {
    const [a, b] = [await trackOf(1_000), await trackOf(1_000)];
    const { id } = await mine().playlist.create({ name: "Full" });
    await mine().playlist.addTracks({ id, trackIds: [a] });
    // As if it were full: the limit reads the stored count.
    await stack.db.update(schema.playlist).set({ itemCount: 10_000 }).where(eq(schema.playlist.id, id));
    const refused = await failure(mine().playlist.addTracks({ id, trackIds: [b] }));
    expect(shapeOf(refused)).toEqual({ code: "BAD_REQUEST", fields: ["trackIds"] });
  });

  it("follow a track whose file is ingested again with another length", async () => {
    const a = await trackOf(10_000);
    const { id } = await mine().playlist.create({ name: "Re-ingest" });
    await mine().playlist.addTracks({ id, trackIds: [a, a], duplicates: "add" });
    const [row] = await stack.db.select().from(schema.track).where(eq(schema.track.id, a));
    if (!row) throw new Error("no track");
    const again: PublishedTrack = {
      trackId: a,
      isNew: false,
      sourcePath: `again-${a}.flac`,
      sourceHash: randomUUID(),
      title: row.title,
      artists: ["Again"],
      albumArtist: "Again",
      album: "Again",
      releaseDate: null,
      genre: null,
      label: null,
      trackNumber: 1,
      discNumber: 1,
      durationMs: 12_500,
      explicit: false,
      isrc: null,
      loudness: null,
      masterKey: `tracks/${a}/v2/master.m3u8`,
      renditions: [
        {
          bitrateKbps: 128,
          codecs: "mp4a.40.2",
          pathPrefix: `tracks/${a}/v2/128k/`,
          segmentCount: 1,
          sizeBytes: 1,
        },
      ],
      contentKey: Buffer.alloc(16),
      coverKey: null,
    };
    await recordPublishedTrack(stack.db, again, stack.cache);
    const [totals] = await stack.db
      .select({ itemCount: schema.playlist.itemCount, durationMs: schema.playlist.durationMs })
      .from(schema.playlist)
      .where(eq(schema.playlist.id, id));
    expect(totals).toEqual({ itemCount: 2, durationMs: 25_000 });
  });

  it("take the cover from the first items: up to four albums, in order", async () => {
    const { id } = await mine().playlist.create({ name: "Covers" });
    const top = await Promise.all(["c1", "c2"].map((c) => trackOf(1_000, `covers/${c}.jpg`)));
    const sameAlbum = await Promise.all(Array.from({ length: 100 }, () => trackOf(1_000, null)));
    // Two albums with art, 100 items from albums without, then one more with art: past the first 100.
    await mine().playlist.addTracks({ id, trackIds: top });
    await mine().playlist.addTracks({ id, trackIds: sameAlbum });
    await mine().playlist.addTracks({ id, trackIds: [await trackOf(1_000, "covers/late.jpg")] });
    const view = await mine().playlist.get({ id });
    expect(view.coverUrls).toEqual(["/api/covers/c1.jpg", "/api/covers/c2.jpg"]);
    const sidebar = (await mine().playlist.mine()).find((p) => p.id === id);
    expect(sidebar?.coverUrls).toEqual(view.coverUrls);
    expect(view.itemCount).toBe(103);
    const [n] = await stack.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.playlistItem)
      .where(eq(schema.playlistItem.playlistId, id));
    expect(Number(n?.n)).toBe(view.itemCount);
  });
});
