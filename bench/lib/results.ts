/** Benchmark results as JSON under bench/results/ (gitignored). */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const resultsDir = path.resolve(import.meta.dirname, "../results");

export async function writeResult(name: string, data: unknown): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

export async function readResult(name: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(resultsDir, `${name}.json`), "utf8")) as unknown;
}
