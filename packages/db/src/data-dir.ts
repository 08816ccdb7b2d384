import { chmodSync, mkdirSync } from "node:fs";

/**
 * Owner-only access to the data dir: it holds the PGlite files (password hashes, track keys)
 * and the generated secrets. Created 0700, and an existing one tightened to 0700 (mkdir's mode
 * applies only to directories it creates, and only through the umask).
 */
export function prepareDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}
