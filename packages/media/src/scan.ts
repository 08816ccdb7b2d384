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

export interface ScannedFile {
  /** Absolute path. */
  path: string;
  /** Path below the scanned folder with forward slashes: the stable identity of a source. */
  relativePath: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every audio file below `root`, sorted by relative path. Hidden entries (".something") are
 * skipped, and so are symlinked directories, which could loop.
 */
export async function scanFolder(root: string): Promise<ScannedFile[]> {
  const absoluteRoot = path.resolve(root);
  const found: ScannedFile[] = [];
  async function visit(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await visit(file);
        continue;
      }
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
  }
  await visit(absoluteRoot);
  return found.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
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
