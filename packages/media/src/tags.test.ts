import { writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readTags, splitArtists, splitTitle, UnreadableAudioError } from "./tags";
import { tempDir, writeImage, writeTone } from "./testing";
import type { TempDir } from "./testing";

let dir: TempDir;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe("splitTitle", () => {
  it("takes a featured credit off the end of a title", () => {
    expect(splitTitle("Duet (feat. Bo Lin & Cy Park)")).toEqual({
      title: "Duet",
      featured: ["Bo Lin", "Cy Park"],
    });
    expect(splitTitle("Closer [ft. Eve Ash]")).toEqual({ title: "Closer", featured: ["Eve Ash"] });
    expect(splitTitle("Closer featuring Eve Ash")).toEqual({ title: "Closer", featured: ["Eve Ash"] });
  });

  it("leaves titles without a credit alone, and never empties one", () => {
    expect(splitTitle("Left (Live)")).toEqual({ title: "Left (Live)", featured: [] });
    expect(splitTitle("Aftershoot")).toEqual({ title: "Aftershoot", featured: [] });
    expect(splitTitle("feat. Somebody")).toEqual({ title: "feat. Somebody", featured: [] });
  });
});

describe("splitArtists", () => {
  it("splits credits on ; and featuring, but keeps band names with &", () => {
    expect(splitArtists("Ada Vale; Bo Rune")).toEqual(["Ada Vale", "Bo Rune"]);
    expect(splitArtists("Ada Vale feat. Bo Rune & Cy Moss")).toEqual(["Ada Vale", "Bo Rune", "Cy Moss"]);
    expect(splitArtists("Ada Vale (ft. Bo Rune)")).toEqual(["Ada Vale", "Bo Rune"]);
    expect(splitArtists("Simon & Garfunkel")).toEqual(["Simon & Garfunkel"]);
    expect(splitArtists("Loft. Sessions")).toEqual(["Loft. Sessions"]);
  });

  it("splits & when one side is the album artist", () => {
    expect(splitArtists("Juniper Sound & Ilse Moreau", "Juniper Sound")).toEqual([
      "Juniper Sound",
      "Ilse Moreau",
    ]);
    expect(splitArtists("Tomo & the Tidelines", "Tomo & the Tidelines")).toEqual(["Tomo & the Tidelines"]);
  });
});

describe("readTags", () => {
  it("reads every field, several artists and the embedded cover from an mp3", async () => {
    const cover = path.join(dir.path, "cover.jpg");
    await writeImage(cover);
    const file = path.join(dir.path, "tagged.mp3");
    await writeTone(file, {
      seconds: 2,
      cover,
      metadata: {
        title: "Overpass Romance",
        artist: "Marlow Vane feat. Nova Kestrel",
        album_artist: "Marlow Vane",
        album: "Neon Tidewater",
        track: "3/4",
        disc: "1/1",
        date: "2019-06-14",
        genre: "Synthwave",
        publisher: "Tidewater Tapes",
        TSRC: "QZCDN1900003",
        ITUNESADVISORY: "1",
      },
    });
    const tags = await readTags(file);
    expect(tags).toMatchObject({
      title: "Overpass Romance",
      artists: ["Marlow Vane", "Nova Kestrel"],
      album: "Neon Tidewater",
      albumArtist: "Marlow Vane",
      trackNumber: 3,
      discNumber: 1,
      releaseDate: "2019-06-14",
      year: 2019,
      genre: "Synthwave",
      label: "Tidewater Tapes",
      isrc: "QZCDN1900003",
      explicit: true,
      sampleRate: 44100,
    });
    expect(tags.durationMs).toBeGreaterThan(1900);
    expect(tags.durationMs).toBeLessThan(2200);
    expect(tags.picture?.mimeType).toBe("image/jpeg");
    expect(tags.picture?.data.subarray(0, 2)).toEqual(new Uint8Array([0xff, 0xd8]));
  });

  it("uses a multi-value artist tag as it is (Vorbis comments in FLAC)", async () => {
    const file = path.join(dir.path, "multi.flac");
    await writeTone(file, {
      seconds: 1,
      metadata: { title: "Duet", artist: "Ada Vale; Bo Rune", date: "2021", ORGANIZATION: "Loft Records" },
    });
    const tags = await readTags(file);
    expect(tags.artists).toEqual(["Ada Vale", "Bo Rune"]);
    expect(tags.label).toBe("Loft Records");
    expect(tags.releaseDate).toBe("2021");
    expect(tags.explicit).toBe(false);
  });

  it("falls back to the file name for the title", async () => {
    const file = path.join(dir.path, "Untitled Demo.wav");
    await writeTone(file, { seconds: 1 });
    const tags = await readTags(file);
    expect(tags.title).toBe("Untitled Demo");
    expect(tags.artists).toEqual([]);
    expect(tags.label).toBeNull();
    expect(tags.durationMs).toBe(1000);
  });

  it("rejects a corrupt file with a typed error naming the file", async () => {
    const file = path.join(dir.path, "broken.flac");
    await writeFile(file, Buffer.concat([Buffer.from("fLaC"), Buffer.alloc(512, 0x5a)]));
    const error = await readTags(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableAudioError);
    expect(String(error)).toContain("broken.flac");

    const text = path.join(dir.path, "notes.mp3");
    await writeFile(text, "these are not the droids");
    await expect(readTags(text)).rejects.toBeInstanceOf(UnreadableAudioError);
  });
});
