import { MusicFolder } from "@cadence/media/music-folder";
import { storageFromEnv } from "@cadence/media/storage-env";

import { env } from "../env";
import { engines } from "./engines";

const globalForMusic = globalThis as unknown as { cadenceMusicFolder?: MusicFolder };

/** MUSIC_DIR: scanned now (in the background) and watched until the server stops. */
export async function startMusicFolder(): Promise<void> {
  if (!env.MUSIC_DIR || globalForMusic.cadenceMusicFolder) return;
  const { db, cache } = engines();
  const folder = new MusicFolder({
    db,
    cache,
    storage: storageFromEnv(),
    folder: env.MUSIC_DIR,
    log: (line) => console.log(`[music] ${line}`),
  });
  globalForMusic.cadenceMusicFolder = folder;
  await folder.start();
  console.log(`[music] watching ${folder.folder}`);
}

export async function stopMusicFolder(): Promise<void> {
  await globalForMusic.cadenceMusicFolder?.stop();
}
