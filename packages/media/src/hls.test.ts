import { createDecipheriv } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { groupFragments, LADDER_KBPS, outputSampleRate, transcodeToHls } from "./hls";
import type { HlsLadder } from "./hls";
import { readBoxes } from "./mp4";
import { decodedSeconds, tempDir, writeTone } from "./testing";
import type { TempDir } from "./testing";

let dir: TempDir;
let ladder: HlsLadder;
const SECONDS = 13;

beforeAll(async () => {
  dir = await tempDir();
  const source = path.join(dir.path, "source.flac");
  await writeTone(source, { seconds: SECONDS, amplitude: 0.3, frequency: 440, noise: 0.05 });
  ladder = await transcodeToHls(source, path.join(dir.path, "hls"), {
    measureLoudness: true,
    sourceSampleRate: 44100,
  });
});
afterAll(() => dir.remove());

function decrypt(ciphertext: Buffer, key: Buffer, ivHex: string): Buffer {
  const decipher = createDecipheriv("aes-128-cbc", key, Buffer.from(ivHex, "hex"));
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

describe("transcodeToHls", () => {
  it("writes a master playlist with three AAC-LC variants", async () => {
    const master = await readFile(path.join(ladder.dir, "master.m3u8"), "utf8");
    const variants = master.split("\n").filter((line) => line.startsWith("#EXT-X-STREAM-INF:"));
    expect(variants).toHaveLength(3);
    for (const variant of variants) {
      expect(variant).toMatch(/BANDWIDTH=\d+/);
      expect(variant).toMatch(/AVERAGE-BANDWIDTH=\d+/);
      expect(variant).toContain('CODECS="mp4a.40.2"');
    }
    expect(ladder.renditions.map((rendition) => rendition.bitrateKbps)).toEqual([...LADDER_KBPS]);
    for (const rendition of ladder.renditions) {
      expect(master).toContain(rendition.playlist);
      // Measured rates land near the nominal ones (AAC rate control plus container overhead).
      expect(rendition.averageBandwidth).toBeGreaterThan(rendition.bitrateKbps * 1000 * 0.5);
      expect(rendition.averageBandwidth).toBeLessThan(rendition.bitrateKbps * 1000 * 1.25);
      expect(rendition.peakBandwidth).toBeGreaterThanOrEqual(rendition.averageBandwidth);
    }
  });

  it("cuts a ~1 s first segment, then ~4 s segments, in a VOD playlist with the key after the map", async () => {
    for (const rendition of ladder.renditions) {
      const durations = rendition.segments.map((segment) => segment.durationSeconds);
      expect(durations[0]).toBeGreaterThan(0.9);
      expect(durations[0]).toBeLessThan(1.2);
      for (const middle of durations.slice(1, -1)) {
        expect(middle).toBeGreaterThan(3.8);
        expect(middle).toBeLessThan(4.3);
      }
      expect(rendition.durationSeconds).toBeCloseTo(SECONDS, 0);

      const playlist = await readFile(path.join(ladder.dir, rendition.playlist), "utf8");
      expect(playlist).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
      expect(playlist).toContain("#EXT-X-ENDLIST");
      expect(playlist.indexOf('#EXT-X-MAP:URI="init.mp4"')).toBeLessThan(playlist.indexOf("#EXT-X-KEY"));
      const keys = playlist.match(/#EXT-X-KEY:METHOD=AES-128,URI="key",IV=0x[0-9a-f]{32}/g) ?? [];
      expect(keys).toHaveLength(rendition.segments.length);
      const extinf = [...playlist.matchAll(/#EXTINF:([\d.]+),/g)].map((match) => Number(match[1]));
      expect(extinf).toHaveLength(rendition.segments.length);
      const target = Number(playlist.match(/#EXT-X-TARGETDURATION:(\d+)/)?.[1]);
      expect(Math.max(...extinf.map(Math.round))).toBeLessThanOrEqual(target);
    }
  });

  it("encrypts every segment whole; each decrypts to an fMP4 fragment and the whole decodes", async () => {
    for (const rendition of ladder.renditions) {
      const init = await readFile(path.join(ladder.dir, rendition.dir, rendition.init.uri));
      expect(readBoxes(init).map((box) => box.type)).toEqual(["ftyp", "moov"]);

      const clear: Buffer[] = [init];
      for (const segment of rendition.segments) {
        const ciphertext = await readFile(path.join(ladder.dir, rendition.dir, segment.uri));
        expect(ciphertext.length).toBe(segment.bytes);
        expect(ciphertext.length % 16).toBe(0);
        expect(ciphertext.toString("latin1", 4, 8)).not.toBe("moof");
        const plaintext = decrypt(ciphertext, ladder.key, segment.iv);
        const boxes = readBoxes(plaintext).map((box) => box.type);
        expect(boxes[0]).toBe("moof");
        expect(boxes[1]).toBe("mdat");
        clear.push(plaintext);
      }
      const joined = path.join(dir.path, `joined-${rendition.bitrateKbps}.mp4`);
      await writeFile(joined, Buffer.concat(clear));
      expect(await decodedSeconds(joined)).toBeCloseTo(SECONDS, 0);
    }
  });

  it("never writes the key to disk and measures loudness in the same pass", async () => {
    const files = await listFiles(ladder.dir);
    expect(files.sort()).toEqual([...ladder.files].sort());
    for (const file of files) {
      const bytes = await readFile(path.join(ladder.dir, file));
      expect(bytes.includes(ladder.key)).toBe(false);
      expect(bytes.includes(Buffer.from(ladder.key.toString("hex")))).toBe(false);
    }
    // A 0.3-amplitude stereo tone (plus a little noise): about -10 LUFS.
    expect(ladder.loudness?.integratedLufs).toBeGreaterThan(-12);
    expect(ladder.loudness?.integratedLufs).toBeLessThan(-9);
  });
});

describe("ladder helpers", () => {
  it("groups fragments: one for the first segment, about four after", () => {
    const fragment = { bytes: Buffer.alloc(0), startTicks: 0, durationTicks: 45056 }; // 1.0217 s at 44.1k
    const groups = groupFragments(
      Array.from({ length: 14 }, () => fragment),
      44100,
      1,
      4,
    );
    expect(groups.map((group) => group.length)).toEqual([1, 4, 4, 4, 1]);
  });

  it("keeps 44.1 and 48 kHz, maps the rest to the nearest family", () => {
    expect(outputSampleRate(44100)).toBe(44100);
    expect(outputSampleRate(48000)).toBe(48000);
    expect(outputSampleRate(88200)).toBe(44100);
    expect(outputSampleRate(96000)).toBe(48000);
    expect(outputSampleRate(null)).toBe(48000);
  });
});

async function listFiles(root: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(root, relative)));
    else found.push(relative);
  }
  return found;
}
