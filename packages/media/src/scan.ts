import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set([
  ".mp3",
  ".flac",
  ".ogg",
  ".oga",
  ".opus",
  ".m4a",
  ".aac",
  ".wav",
]);

/** Cover art beside the files, as rippers name it (looked up as is; the first found wins). */
export const FOLDER_IMAGES: readonly string[] = [
  "cover.jpg",
  "cover.jpeg",
  "cover.png",
  "folder.jpg",
  "folder.png",
  "front.jpg",
];

export interface ScannedFile {
  /** Absolute path. */
  path: string;
  /** Path below the scanned folder with forward slashes: the stable identity of a source. */
  relativePath: string;
  size: number;
  mtimeMs: number;
}

export interface ScannedMusic {
  /** Every audio file, sorted by relative path. */
  files: ScannedFile[];
  /** Folder (absolute) -> the FOLDER_IMAGES names it holds, in FOLDER_IMAGES order. */
  images: Map<string, string[]>;
}

/** Every audio file below `root`, sorted by relative path. */
export async function scanFolder(root: string): Promise<ScannedFile[]> {
  return (await scanMusic(root)).files;
}

/**
 * Every audio file below `root`, and the cover images seen on the way (the listing is read
 * anyway, so finding them costs nothing). Hidden entries (".something") are skipped, and so are
 * symlinked directories, which could loop.
 */
export async function scanMusic(root: string): Promise<ScannedMusic> {
  const absoluteRoot = path.resolve(root);
  const found: ScannedFile[] = [];
  const images = new Map<string, string[]>();
  async function visit(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    const here = new Set<string>();
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await visit(file);
        continue;
      }
      if (FOLDER_IMAGES.includes(entry.name)) here.add(entry.name);
      if (!AUDIO_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) continue;
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) continue;
      found.push({
        path: file,
        relativePath: path.relative(absoluteRoot, file).split(path.sep).join("/"),
        size: info.size,
        mtimeMs: info.mtimeMs,
      });
    }
    if (here.size > 0)
      images.set(
        dir,
        FOLDER_IMAGES.filter((name) => here.has(name)),
      );
  }
  await visit(absoluteRoot);
  found.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { files: found, images };
}

/** SHA-256 of a file's content, hex, streamed so large files never sit in memory. */
export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("error", reject)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")));
  });
}
