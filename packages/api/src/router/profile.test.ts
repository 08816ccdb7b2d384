import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, schema } from "@cadence/db";

import { failureOf, insertPlaylist, signUpListener } from "../library-testing";
import { createTestStack, insertTrack, stacks } from "../testing";
import type { TestStack } from "../testing";

describe.each(stacks)("profiles on $name", (stackConfig) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack(stackConfig);
  });
  afterAll(() => stack.close());

  it("shows a listener's public face by username, whatever its case", async () => {
    const ada = await signUpListener(stack, "Ada");
    const viewer = await signUpListener(stack);
    const profile = await stack.caller(viewer).profile.get({ username: ada.username.toUpperCase() });
    expect(profile).toEqual({
      id: ada.user.id,
      username: ada.username,
      displayName: "Ada",
      avatarUrl: null,
      followerCount: 0,
      followingCount: 0,
      isFollowing: false,
      isMe: false,
    });
    expect(await stack.caller(ada).profile.get({ username: ada.username })).toMatchObject({ isMe: true });
    // Nothing private comes along.
    expect(Object.keys(profile)).not.toContain("email");
  });

  it("is NOT_FOUND for an unknown or disabled listener, and refuses what cannot be a username", async () => {
    const viewer = stack.caller(await signUpListener(stack));
    expect(await failureOf(viewer.profile.get({ username: "nobody_here_000" }))).toMatchObject({
      code: "NOT_FOUND",
      field: "username",
    });
    const gone = await signUpListener(stack);
    await stack.db
      .update(schema.user)
      .set({ disabledAt: new Date() })
      .where(eq(schema.user.id, gone.user.id));
    expect(await failureOf(viewer.profile.get({ username: gone.username }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await failureOf(viewer.profile.follow({ userId: gone.user.id, following: true }))).toMatchObject({
      code: "NOT_FOUND",
      field: "userId",
    });
    expect(await failureOf(viewer.profile.playlists({ userId: gone.user.id }))).toMatchObject({
      code: "NOT_FOUND",
      field: "userId",
    });
    for (const username of ["ab", "has space", "x".repeat(31), "../etc"]) {
      expect(await failureOf(viewer.profile.get({ username }))).toMatchObject({
        code: "BAD_REQUEST",
        field: "username",
      });
    }
  });

  it("follows and unfollows a listener, idempotently, and counts both sides", async () => {
    const ada = await signUpListener(stack, "Ada");
    const bo = await signUpListener(stack, "Bo");
    const cy = await signUpListener(stack, "Cy");
    const api = stack.caller(bo);
    expect(await api.profile.follow({ userId: ada.user.id, following: true })).toEqual({ following: true });
    expect(await api.profile.follow({ userId: ada.user.id, following: true })).toEqual({ following: true });
    await stack.caller(cy).profile.follow({ userId: ada.user.id, following: true });
    await stack.caller(ada).profile.follow({ userId: cy.user.id, following: true });

    expect(await api.profile.get({ username: ada.username })).toMatchObject({
      followerCount: 2,
      followingCount: 1,
      isFollowing: true,
    });
    expect(await api.profile.get({ username: bo.username })).toMatchObject({
      followerCount: 0,
      followingCount: 1,
      isMe: true,
    });
    expect(await api.profile.follow({ userId: ada.user.id, following: false })).toEqual({ following: false });
    expect(await api.profile.follow({ userId: ada.user.id, following: false })).toEqual({ following: false });
    expect(await api.profile.get({ username: ada.username })).toMatchObject({
      followerCount: 1,
      isFollowing: false,
    });
  });

  it("refuses following yourself and unknown listeners, naming userId", async () => {
    const bo = await signUpListener(stack);
    const api = stack.caller(bo);
    const self = await failureOf(api.profile.follow({ userId: bo.user.id, following: true }));
    expect(self).toEqual({ code: "BAD_REQUEST", field: "userId", message: "You cannot follow yourself" });
    expect(await failureOf(api.profile.follow({ userId: randomUUID(), following: true }))).toMatchObject({
      code: "NOT_FOUND",
      field: "userId",
    });
    expect(await failureOf(api.profile.follow({ userId: "me", following: true }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "userId",
    });
  });

  it("lists public playlists only, to everyone, newest first and each exactly once", async () => {
    const ada = await signUpListener(stack, "Ada");
    const viewer = stack.caller(await signUpListener(stack));
    const { trackId } = await insertTrack(stack.db);
    const made = new Date("2026-03-01T12:00:00Z");
    const publicIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      // Two share the same instant: the id breaks the tie.
      const createdAt = new Date(made.getTime() + Math.min(i, 3) * 1000);
      publicIds.push(
        await insertPlaylist(stack.db, ada.user.id, {
          name: `Open ${i}`,
          isPublic: true,
          createdAt,
          trackIds: [trackId],
        }),
      );
      await insertPlaylist(stack.db, ada.user.id, { name: `Secret ${i}`, createdAt });
    }
    for (const api of [viewer, stack.caller(ada)]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.profile.playlists({
          userId: ada.user.id,
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        for (const playlist of page.items) {
          expect(playlist.name).toMatch(/^Open /);
          expect(playlist.trackCount).toBe(1);
          expect(playlist.imageUrls).toEqual([expect.stringMatching(/^\/api\/covers\//)]);
        }
        seen.push(...page.items.map((p) => p.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(new Set(seen.slice(0, 2))).toEqual(new Set(["Open 3", "Open 4"]));
      expect(seen.slice(2)).toEqual(["Open 2", "Open 1", "Open 0"]);
    }
    expect(await failureOf(viewer.profile.playlists({ userId: randomUUID() }))).toMatchObject({
      code: "NOT_FOUND",
      field: "userId",
    });
  });
});
