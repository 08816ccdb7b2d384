import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { createDb } from "./client";
import { prepareDataDir } from "./data-dir";

const root = mkdtempSync(path.join(os.tmpdir(), "cadence-data-dir-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (dir: string) => statSync(dir).mode & 0o777;

describe("the data dir", () => {
  it("is created owner-only, parents included, whatever the umask", () => {
    const previous = process.umask(0o000);
    try {
      const dir = path.join(root, "fresh", "nested", "data");
      prepareDataDir(dir);
      expect(modeOf(dir)).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });

  it("is tightened to owner-only when it already exists", () => {
    const dir = path.join(root, "existing");
    mkdirSync(dir, { mode: 0o755 });
    expect(modeOf(dir)).not.toBe(0o700);
    prepareDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it("is created owner-only when PGlite is the first to need it", async () => {
    const dir = path.join(root, "pglite-first");
    const handle = createDb({ driver: "pglite", dataDir: path.join(dir, "pglite") });
    await handle.close();
    expect(modeOf(dir)).toBe(0o700);
  });
});
