import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const SKIP_DIRS = new Set(["node_modules", ".next", ".data", "dist", "drizzle", "test-results", "results"]);
// Set by the platform or by Next.js itself, not settings of Cadence.
const PLATFORM = new Set(["NODE_ENV", "PATH"]);
// Tooling may read its own knobs directly (test helpers' TEST_*, e2e, benchmarks).
const TOOLING = /^(test|e2e|bench)\/|^scripts\/e2e-|^playwright\.config\.ts$|\/src\/testing\.ts$|\.test\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

interface Read {
  name: string;
  file: string;
  bare: boolean;
}

/** Every environment variable the code reads: env-module keys and bare process.env reads. */
function variablesRead(files: string[]): Read[] {
  return files.flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const reads: Read[] = [];
    if (source.includes("createEnv(")) {
      for (const m of source.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm))
        reads.push({ name: m[1] ?? "", file, bare: false });
    }
    for (const m of source.matchAll(
      /process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[\s*["']([A-Z_][A-Z0-9_]*)["']\s*\])/g,
    )) {
      reads.push({ name: m[1] ?? m[2] ?? "", file, bare: true });
    }
    return reads.filter((read) => !PLATFORM.has(read.name));
  });
}

/** The variables a Markdown section's tables document (backticked names in the first column). */
function documented(markdown: string, heading?: string): Set<string> {
  let text = markdown;
  if (heading) {
    const start = markdown.indexOf(`## ${heading}`);
    expect(start, `"## ${heading}" in the README`).toBeGreaterThanOrEqual(0);
    const end = markdown.indexOf("\n## ", start + 1);
    text = markdown.slice(start, end === -1 ? undefined : end);
  }
  const names = new Set<string>();
  for (const line of text.split("\n")) {
    const firstCell = /^\|([^|]*)\|/.exec(line)?.[1] ?? "";
    for (const m of firstCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1] ?? "");
  }
  return names;
}

const appFiles = [
  ...["apps", "packages", "scripts", "test", "e2e"].flatMap(sourceFiles),
  ...readdirSync(root).filter((f) => f.endsWith(".config.ts")),
];
const benchFiles = sourceFiles("bench");

describe("configuration", () => {
  const reads = variablesRead(appFiles);

  it("is read through validated env modules, except tooling's own knobs", () => {
    const bare = reads.filter((read) => read.bare && !TOOLING.test(read.file));
    expect(bare.map((read) => `${read.file}: process.env.${read.name}`)).toEqual([]);
  });

  it("is listed in the README's table exactly as the code reads it", () => {
    const inCode = new Set(reads.map((read) => read.name));
    const inReadme = documented(readFileSync(path.join(root, "README.md"), "utf8"), "Configuration");
    expect(inCode.size).toBeGreaterThan(30);
    expect([...inCode].filter((name) => !inReadme.has(name)).sort(), "read but not in the README").toEqual(
      [],
    );
    expect([...inReadme].filter((name) => !inCode.has(name)).sort(), "in the README, read nowhere").toEqual(
      [],
    );
  });

  it("of the benchmarks is listed in bench/README.md", () => {
    const inCode = new Set(variablesRead(benchFiles).map((read) => read.name));
    const readme = readFileSync(path.join(root, "bench/README.md"), "utf8");
    const inReadme = new Set(readme.match(/\bBENCH_[A-Z0-9_]+/g) ?? []);
    const benchOnly = [...inCode].filter((name) => name.startsWith("BENCH_"));
    expect(benchOnly.filter((name) => !inReadme.has(name)).sort(), "read but not documented").toEqual([]);
    expect([...inReadme].filter((name) => !inCode.has(name)).sort(), "documented, read nowhere").toEqual([]);
  });
});
