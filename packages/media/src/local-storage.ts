import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

import {
  assertValidKey,
  assertValidPrefix,
  cacheControlFor,
  contentTypeFor,
  InvalidKeyError,
  putOptionsFor,
  resolveRange,
} from "./storage";
import type { ByteRange, ListedObject, ObjectInfo, ObjectStorage, PutOptions, StoredObject } from "./storage";

// Content-Type and Cache-Control live beside the data in a parallel tree, out of list()'s way,
// for the objects whose options are not the ones their key implies (putOptionsFor): ingest's
// ~55 objects a track have none, so each put is one file, not two.
const META_DIR = ".meta";
const CHUNK = 64 * 1024;

interface Meta {
  contentType: string;
  cacheControl: string;
}

/** Object storage in a local directory: the default for a single self-hosted machine. */
export class LocalStorage implements ObjectStorage {
  constructor(readonly root: string) {}

  private file(key: string): string {
    assertValidKey(key);
    if (key === META_DIR || key.startsWith(`${META_DIR}/`)) {
      throw new InvalidKeyError(`keys under ${META_DIR}/ are reserved`);
    }
    return path.join(this.root, ...key.split("/"));
  }

  private metaFile(key: string): string {
    return `${path.join(this.root, META_DIR, ...key.split("/"))}.json`;
  }

  async put(key: string, body: Uint8Array | string, options: PutOptions): Promise<void> {
    const file = this.file(key);
    const meta: Meta = { contentType: options.contentType, cacheControl: options.cacheControl };
    const implied = putOptionsFor(key);
    if (meta.contentType === implied.contentType && meta.cacheControl === implied.cacheControl) {
      // A replaced object may have had options of its own.
      await rm(this.metaFile(key), { force: true });
    } else {
      await writeAtomically(this.metaFile(key), JSON.stringify(meta));
    }
    await writeAtomically(file, body);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const file = this.file(key);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const meta = await this.readMeta(key);
    return {
      key,
      size: info.size,
      contentType: meta?.contentType ?? contentTypeFor(key),
      cacheControl: meta?.cacheControl ?? cacheControlFor(key),
      lastModified: info.mtime,
    };
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const info = await this.head(key);
    if (!info) return null;
    const span = range ? resolveRange(key, info.size, range) : null;
    const start = span?.start ?? 0;
    const end = span?.end ?? info.size - 1;
    return { ...info, range: span, body: fileStream(this.file(key), start, end) };
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
    await rm(this.metaFile(key), { force: true });
  }

  async list(prefix: string): Promise<ListedObject[]> {
    assertValidPrefix(prefix);
    const found: ListedObject[] = [];
    // Only the directory the prefix names can hold matches; don't walk the whole store.
    const base = prefix.slice(0, prefix.lastIndexOf("/") + 1);
    if (base) this.file(base.slice(0, -1));
    await walk(path.join(this.root, ...base.split("/").filter(Boolean)), base, async (key, file) => {
      if (!key.startsWith(prefix)) return;
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) found.push({ key, size: info.size, lastModified: info.mtime });
    });
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async readMeta(key: string): Promise<Meta | null> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.metaFile(key), "utf8"));
      if (
        typeof parsed === "object" &&
        parsed !== null &&
        "contentType" in parsed &&
        "cacheControl" in parsed &&
        typeof parsed.contentType === "string" &&
        typeof parsed.cacheControl === "string"
      ) {
        return { contentType: parsed.contentType, cacheControl: parsed.cacheControl };
      }
    } catch {
      // Objects copied in by hand have no metadata; callers fall back to the extension.
    }
    return null;
  }
}

async function walk(
  dir: string,
  prefix: string,
  visit: (key: string, file: string) => Promise<void>,
): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (prefix === "" && entry.name === META_DIR) continue;
    if (entry.name.startsWith(".tmp-")) continue;
    const key = prefix + entry.name;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(file, `${key}/`, visit);
    else if (entry.isFile()) await visit(key, file);
  }
}

// Readers never see half-written objects: write beside the target, then rename over it.
async function writeAtomically(file: string, body: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.tmp-${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(temp, body);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function fileStream(file: string, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      handle ??= await open(file, "r");
      const remaining = end + 1 - position;
      if (remaining <= 0) {
        await handle.close();
        controller.close();
        return;
      }
      const buffer = Buffer.alloc(Math.min(CHUNK, remaining));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) {
        await handle.close();
        controller.close();
        return;
      }
      position += bytesRead;
      controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
    },
    async cancel() {
      await handle?.close();
    },
  });
}
