import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  allPages,
  failureOf,
  insertAlbum,
  insertArtist,
  insertPlays,
  signUpListener,
} from "../catalog-fixtures";
import type { Session } from "../context";
import { createTestStack, stacks } from "../testing";
import type { TestStack } from "../testing";

const DAY = 86_400_000;
const later = () => new Date(Date.now() + DAY);

describe.each(stacks)("browsing by genre and release on $name", (stackConfig) => {
  let stack: TestStack;
  let listener: Session;
  const suffix = randomBytes(3).toString("hex");
  const genre = { big: `Big ${suffix}`, small: `Small ${suffix}`, hidden: `Hidden ${suffix}` };
  const visible: { albumId: string; releaseDate: string | null; genre: string }[] = [];
  const invisible: string[] = [];

  // The whole catalog is made first: first pages are cached, so nothing is added once reading starts.
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
    listener = await signUpListener(stack);
    const dates = ["2023-04-21", "2023-04-21", "2019-01-05", null, "2024-12-31"];
    for (let i = 0; i < 27; i++) {
      const releaseDate = dates[i % dates.length] ?? null;
      const made = await insertAlbum(stack.db, { genre: genre.big, releaseDate, tracks: 1 + (i % 3) });
      visible.push({ albumId: made.albumId, releaseDate, genre: genre.big });
    }
    const small = await insertAlbum(stack.db, { genre: genre.small, releaseDate: "2001-09-09", tracks: 2 });
    visible.push({ albumId: small.albumId, releaseDate: "2001-09-09", genre: genre.small });
    // Nothing visible on these: not in any list, and a genre of only these does not exist.
    for (const tracks of [[{ availableFrom: later() }], [{ retiredAt: new Date() }]]) {
      invisible.push(
        (await insertAlbum(stack.db, { genre: genre.hidden, releaseDate: "2030-01-01", tracks })).albumId,
      );
      invisible.push(
        (await insertAlbum(stack.db, { genre: genre.big, releaseDate: "2030-01-01", tracks })).albumId,
      );
    }
  });
  afterAll(() => stack.close());

  it("lists the genres of visible albums, each once, by name, with counts and covers", async () => {
    const { items } = await allPages((cursor) => stack.caller(listener).catalog.genres({ limit: 2, cursor }));
    const names = items.map((g) => g.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining([genre.big, genre.small]));
    expect(names).not.toContain(genre.hidden);
    expect(items.find((g) => g.name === genre.big)).toMatchObject({ albumCount: 27 });
    expect(items.find((g) => g.name === genre.small)).toMatchObject({ albumCount: 1 });
    for (const item of items) expect(item.coverUrl).toMatch(/^\/api\/covers\//);
    const first = await stack.caller(listener).catalog.genres({ limit: 2 });
    expect(first.items.map((g) => g.name)).toEqual(names.slice(0, 2));
  });

  it("pages through a genre's albums: each visible one once, newest first, undated last", async () => {
    const { items, pages } = await allPages((cursor) =>
      stack.caller(listener).catalog.genre({ name: genre.big, limit: 5, cursor }),
    );
    expect(pages).toBe(6);
    const expected = visible.filter((album) => album.genre === genre.big);
    expect(items.map((a) => a.id).sort()).toEqual(expected.map((a) => a.albumId).sort());
    const keys = items.map((a) => a.releaseDate ?? "0000");
    expect(keys).toEqual([...keys].sort().reverse());
    for (const [index, album] of items.entries()) {
      const next = items[index + 1];
      if (next && next.releaseDate === album.releaseDate) expect(next.id < album.id).toBe(true);
    }
  });

  it("has no page for a genre with nothing visible, and refuses a bad name or cursor", async () => {
    const caller = stack.caller(listener);
    for (const name of [genre.hidden, `Nope ${suffix}`]) {
      expect((await failureOf(caller.catalog.genre({ name }))).code).toBe("NOT_FOUND");
    }
    for (const name of ["", "x".repeat(101), "a\u0000b"]) {
      expect((await failureOf(caller.catalog.genre({ name }))).code).toBe("BAD_REQUEST");
    }
    const { nextCursor } = await caller.catalog.genre({ name: genre.big, limit: 1 });
    const other = await failureOf(caller.catalog.genre({ name: genre.small, cursor: nextCursor }));
    expect(other.code).toBe("BAD_REQUEST");
  });

  it("lists new releases newest first, each once, leaving out undated and invisible albums", async () => {
    const { items } = await allPages((cursor) =>
      stack.caller(listener).catalog.newReleases({ limit: 4, cursor }),
    );
    const ids = items.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dated = visible.filter((album) => album.releaseDate !== null).map((album) => album.albumId);
    expect(ids.sort()).toEqual(dated.sort());
    const dates = items.map((a) => a.releaseDate ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    for (const id of invisible) expect(ids).not.toContain(id);
  });

  it("lists every visible album, most recently added first, each once", async () => {
    const { items } = await allPages(async (cursor) => {
      const page = await stack.caller(listener).catalog.albums({ limit: 6, cursor });
      return { items: page.albums, nextCursor: page.nextCursor };
    });
    expect(items.map((a) => a.id).sort()).toEqual(visible.map((a) => a.albumId).sort());
    expect(items[0]?.id).toBe(visible.at(-1)?.albumId);
  });
});

describe.each(stacks)("recently played and home on $name", (stackConfig) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
  });
  afterAll(() => stack.close());

  it("lists the albums a listener played, each once, most recent first, their own only", async () => {
    const listener = await signUpListener(stack);
    const other = await signUpListener(stack);
    const artistId = await insertArtist(stack.db);
    const albums: Awaited<ReturnType<typeof insertAlbum>>[] = [];
    for (let i = 0; i < 9; i++) albums.push(await insertAlbum(stack.db, { artistId, tracks: 2 }));
    const gone = await insertAlbum(stack.db, { tracks: [{ retiredAt: new Date() }] });
    const t0 = Date.now() - 3_600_000;
    const track = (i: number, n = 0) => albums[i]?.trackIds[n] ?? "";
    // Album 0 played early and again last; album 3 twice; the others once; the order decides.
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 3];
    const plays = order.map((i, at) => ({ trackId: track(i, at % 2), at: new Date(t0 + at * 1000) }));
    plays.push({ trackId: track(0, 1), at: new Date(t0 + 60_000) });
    plays.push({ trackId: gone.trackIds[0] ?? "", at: new Date(t0 + 120_000) });
    await insertPlays(stack.db, listener.user.id, plays);
    await insertPlays(stack.db, other.user.id, [{ trackId: track(5), at: new Date(t0 + 500_000) }]);

    const { items, pages } = await allPages((cursor) =>
      stack.caller(listener).catalog.recentlyPlayed({ limit: 4, cursor }),
    );
    expect(pages).toBe(3);
    const expected = [0, 3, 8, 7, 6, 5, 4, 2, 1].map((i) => albums[i]?.albumId);
    expect(items.map((item) => item.album.id)).toEqual(expected);
    expect(items[0]?.playedAt.getTime()).toBe(t0 + 60_000);
    const theirs = await stack.caller(other).catalog.recentlyPlayed({});
    expect(theirs.items.map((item) => item.album.id)).toEqual([albums[5]?.albumId]);
  });

  it("puts new releases, recently played and genres on the home page", async () => {
    const listener = await signUpListener(stack);
    const genre = `Home ${randomBytes(3).toString("hex")}`;
    const { trackIds, albumId } = await insertAlbum(stack.db, {
      genre,
      releaseDate: "2099-01-01",
      tracks: 1,
    });
    await insertPlays(stack.db, listener.user.id, [{ trackId: trackIds[0] ?? "", at: new Date() }]);
    const home = await stack.caller(listener).catalog.home();
    expect(home.newReleases.items[0]?.id).toBe(albumId);
    expect(home.recentlyPlayed.items.map((item) => item.album.id)).toEqual([albumId]);
    expect(home.genres.items.map((g) => g.name)).toContain(genre);
    expect((await failureOf(stack.caller().catalog.home())).code).toBe("UNAUTHORIZED");
  });
});
