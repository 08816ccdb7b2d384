import { mkdir } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { schema } from "@cadence/db";
import type { DbHandle } from "@cadence/db";
import { createTestDb } from "@cadence/db/testing";
import { releaseScanLease, takeScanLease } from "@cadence/domain/catalog";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ingestFolder } from "./ingest";
import type { IngestEvent } from "./ingest";
import { LocalStorage } from "./local-storage";
import { tempDir, writeTone } from "./testing";
import type { TempDir } from "./testing";

// Two app servers watching one MUSIC_DIR share one Postgres: the real one here.
describe("scan lease: one scan of a folder at a time", () => {
  let dir: TempDir;
  let handle: DbHandle;

  beforeAll(async () => {
    dir = await tempDir();
    handle = await createTestDb("postgres");
  });
  afterAll(async () => {
    await handle.close();
    await dir.remove();
  });

  it("is held by one holder until released or expired", async () => {
    const { db } = handle;
    expect(await takeScanLease(db, "/music", "a", 1)).toBe(true);
    expect(await takeScanLease(db, "/music", "b", 1)).toBe(false);
    expect(await takeScanLease(db, "/music", "a", 1)).toBe(true);
    expect(await takeScanLease(db, "/other", "b", 1)).toBe(true);
    await sleep(1100);
    // a died without releasing: its lease ran out.
    expect(await takeScanLease(db, "/music", "b", 60)).toBe(true);
    await releaseScanLease(db, "/music", "a");
    expect(await takeScanLease(db, "/music", "a", 60)).toBe(false);
    await releaseScanLease(db, "/music", "b");
    expect(await takeScanLease(db, "/music", "a", 60)).toBe(true);
    await releaseScanLease(db, "/music", "a");
    await releaseScanLease(db, "/other", "b");
  });

  it("makes two concurrent scans of a new file ingest it once, without a failure", async () => {
    const music = path.join(dir.path, "music");
    await mkdir(music, { recursive: true });
    await writeTone(path.join(music, "new.flac"), { seconds: 2, metadata: { title: "New", artist: "Band" } });
    const scan = (objects: string, events: IngestEvent[]) =>
      ingestFolder({
        db: handle.db,
        storage: new LocalStorage(path.join(dir.path, objects)),
        folder: music,
        onProgress: (event) => events.push(event),
      });
    const first: IngestEvent[] = [];
    const second: IngestEvent[] = [];
    const [a, b] = await Promise.all([scan("objects-a", first), scan("objects-b", second)]);
    expect([a.added, b.added].sort()).toEqual([0, 1]);
    expect([a.skipped, b.skipped].sort()).toEqual([0, 1]);
    expect([...a.failed, ...b.failed]).toEqual([]);
    // The one that waited said so.
    expect([first, second].filter((events) => events[0]?.type === "waiting")).toHaveLength(1);
    expect(await handle.db.select().from(schema.track)).toHaveLength(1);
    expect(await handle.db.select().from(schema.musicScanLease)).toEqual([]);
  });
});
