import type { MusicFolderControl } from "@cadence/domain/catalog";

/**
 * The music folder the node:http server started (music-folder.ts), if any. It lives on
 * globalThis like the engines, so both copies of the modules (the server's and Next.js's
 * bundle) reach it; this file imports no media code, so the bundle does not carry ingest.
 */
export function musicFolder(): MusicFolderControl | undefined {
  return (globalThis as unknown as { cadenceMusicFolder?: MusicFolderControl }).cadenceMusicFolder;
}
