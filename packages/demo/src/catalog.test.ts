import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { hashFile } from "@cadence/media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateDemoCatalog, planDemoCatalog } from "./catalog";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cadence-demo-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("demo catalog", () => {
  it("plans about 40 tracks by 8 artists on 12 albums in 6 genres, some with two artists", () => {
    const { tracks, albums } = planDemoCatalog({ outDir: "/demo" });
    expect(tracks).toHaveLength(40);
    expect(albums).toHaveLength(12);
    expect(new Set(albums.map((album) => album.artist)).size).toBe(8);
    expect(new Set(tracks.map((track) => track.genre)).size).toBe(6);
    expect(new Set(tracks.map((track) => track.format))).toEqual(
      new Set(["flac", "mp3", "ogg", "opus", "m4a", "wav"]),
    );
    expect(tracks.filter((track) => track.artistTag !== track.albumArtist).length).toBeGreaterThanOrEqual(4);
    for (const track of tracks) {
      expect(track.durationSeconds).toBeGreaterThanOrEqual(30);
      expect(track.durationSeconds).toBeLessThanOrEqual(90);
    }
  });

  it("writes byte-identical files for the same seed", async () => {
    const first = await generateDemoCatalog({ outDir: path.join(dir, "a"), limit: 4, durationSeconds: 2 });
    const second = await generateDemoCatalog({ outDir: path.join(dir, "b"), limit: 4, durationSeconds: 2 });
    expect(second.tracks).toHaveLength(4);
    for (const [index, track] of second.tracks.entries()) {
      const original = first.tracks[index];
      if (!original) throw new Error(`no track ${index} in the first run`);
      expect(await hashFile(track.path)).toBe(await hashFile(original.path));
    }
  });
});
