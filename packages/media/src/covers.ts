import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";

import { applyFolderCover, folderCovers } from "@cadence/domain/catalog";

import { isInside } from "./paths";
import { FOLDER_IMAGES } from "./scan";
import type { PublishContext } from "./publish";
import { putOptionsFor } from "./storage";
import type { ObjectStorage } from "./storage";
import type { Picture } from "./tags";

interface FolderImageFile {
  /** Symlinks resolved, checked to lie inside the music folder. */
  realPath: string;
  mimeType: string;
  size: number;
  mtimeMs: number;
}

/**
 * The cover image in `dir` (the first of `names` that is one), by stat alone; links out of the
 * music folder are not followed.
 */
async function findFolderImage(
  dir: string,
  realFolder: string,
  names: readonly string[] = FOLDER_IMAGES,
): Promise<FolderImageFile | null> {
  for (const name of names) {
    const real = await realpath(path.join(dir, name)).catch(() => null);
    if (!real || !isInside(realFolder, real)) continue;
    const info = await stat(real).catch(() => null);
    if (!info?.isFile() || info.size === 0) continue;
    const mimeType = name.endsWith(".png") ? "image/png" : "image/jpeg";
    return { realPath: real, mimeType, size: info.size, mtimeMs: info.mtimeMs };
  }
  return null;
}

/** cover.jpg and friends beside a file (how most ripped albums carry their art). */
export async function folderImage(dir: string, realFolder: string): Promise<Picture | null> {
  const found = await findFolderImage(dir, realFolder);
  const data = found ? await readFile(found.realPath).catch(() => null) : null;
  return found && data && data.length > 0 ? { data, mimeType: found.mimeType } : null;
}

/** Covers are stored by content hash: every track of an album shares one object. */
export async function uploadCover(storage: ObjectStorage, picture: Picture): Promise<string> {
  const extension =
    picture.mimeType === "image/png" ? "png" : picture.mimeType === "image/webp" ? "webp" : "jpg";
  const digest = createHash("sha256").update(picture.data).digest("hex").slice(0, 32);
  const key = `covers/${digest}.${extension}`;
  if (!(await storage.head(key))) await storage.put(key, picture.data, putOptionsFor(key));
  return key;
}

/** A folder the scan found cover images in, with the audio files beside them. */
export interface ImageFolder {
  dir: string;
  /** FOLDER_IMAGES names present, in that order. */
  names: readonly string[];
  /** The audio files in the folder, as the catalog knows them (source paths). */
  files: readonly string[];
}

/**
 * After a scan: a folder whose cover image is new or changed since the last scan (by size and
 * modification time) gives the new cover to its albums, with no re-encode of the audio. Costs a
 * stat per image when nothing changed. A folder whose image cannot be read or published is
 * reported in `failed` and the others go on. Returns how many albums got a new cover.
 */
export async function syncFolderCovers(
  folders: readonly ImageFolder[],
  realFolder: string,
  { db, storage, cache, time }: PublishContext,
  failed: { path: string; reason: string }[],
): Promise<number> {
  if (folders.length === 0) return 0;
  const seen = await time("dbMs", () =>
    folderCovers(
      db,
      folders.map((folder) => folder.dir),
    ),
  );
  let changed = 0;
  for (const { dir, names, files } of folders) {
    const image = await findFolderImage(dir, realFolder, names);
    // A removed image leaves the albums' covers as they are: art is not taken away by accident.
    if (!image) continue;
    const before = seen.get(dir);
    if (before?.imageSize === image.size && before.imageMtimeMs === image.mtimeMs) continue;
    try {
      const data = await readFile(image.realPath);
      if (data.length === 0) continue;
      const coverKey = await time("uploadMs", () => uploadCover(storage, { data, mimeType: image.mimeType }));
      const albums = await time("dbMs", () =>
        applyFolderCover(
          db,
          { dir, imageSize: image.size, imageMtimeMs: image.mtimeMs, coverKey },
          before?.coverKey ?? null,
          files,
          cache,
        ),
      );
      changed += albums.length;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failed.push({ path: image.realPath, reason: `cover image not published: ${reason}` });
    }
  }
  return changed;
}
