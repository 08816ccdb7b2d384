/**
 * Playback start benchmark: click to first audio in headless Chromium over loopback.
 *
 *   npx tsx bench/playback-start.ts        (BENCH_START_ROUNDS=36 by default)
 *   BENCH_START_LATENCY_MS=40 npx tsx bench/playback-start.ts   (adds a round-trip time)
 *
 * Every measured play happens in a freshly loaded album page with the HTTP cache disabled, and is
 * timed inside the page (performance.now() just before element.click(), to the media element's
 * `playing`), so Playwright's round trips are not counted. Variants, rotated each round:
 *   - hls.js default   baseline: hls.js with its default config, created on click against a signed
 *                      master URL fetched beforehand, played on MANIFEST_PARSED
 *   - progressive      reference: <audio src> of a static 128 kb/s AAC file on a loopback server
 *   - ours cold        the track row's Play button, nothing hovered or preloaded, first play in
 *                      the page (includes the `stream` procedure call for the signed URL)
 *   - ours cold, warm  300 ms after that, another row of the same album, not hovered and not
 *                      preloaded (the player preloads the next queued track only 3 s after a
 *                      start): the player, hls.js and the connections are warm
 *   - ours preloaded   hover the row, wait for PRELOADED, then click
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { Page } from "@playwright/test";

import { runFfmpeg } from "@cadence/media";
import { loadCatalog, signedStreamUrl } from "./lib/catalog";
import type { CatalogAlbum, CatalogTrack } from "./lib/catalog";
import {
  benchDataDir,
  launchBrowser,
  log,
  repoRoot,
  signedInContext,
  startApp,
  devtoolsSession,
} from "./lib/harness";
import {
  armPreloaded,
  awaitPreloaded,
  clickHlsDefaultAndWait,
  clickOursAndWait,
  clickProgressiveAndWait,
  installProbes,
  mediaSourceSince,
  resourcesSince,
} from "./lib/in-page";
import type { BenchWindow, PlayResult } from "./lib/in-page";
import { formatWaterfall, medianWaterfall, waterfall } from "./lib/phases";
import type { Waterfall } from "./lib/phases";
import { writeResult } from "./lib/results";
import { ms, ratio, summarize, table } from "./lib/stats";
import type { Summary } from "./lib/stats";
import { serveFile } from "./lib/static-server";

const ROUNDS = Math.max(1, Number(process.env.BENCH_START_ROUNDS ?? 36));
/** Optional added round-trip latency (DevTools emulation) for every request; 0 = plain loopback. */
const LATENCY_MS = Math.max(0, Number(process.env.BENCH_START_LATENCY_MS ?? 0));
const PLAY_TIMEOUT_MS = 15_000;
const VARIANTS = ["hlsDefault", "progressive", "oursCold", "oursColdWarm", "oursPreloaded"] as const;
type Variant = (typeof VARIANTS)[number];
const LABELS: Record<Variant, string> = {
  hlsDefault: "A: hls.js default (baseline)",
  progressive: "B: progressive <audio src>",
  oursCold: "ours cold (1st play in page)",
  oursColdWarm: "ours cold (2nd play in page)",
  oursPreloaded: "ours preloaded (hover)",
};
/** Anchors for reading the numbers (ms). */
const ANCHORS = { spotifyMedian: 265, goalColdMedian: 150, stretchColdMedian: 100, goalPreloadedMedian: 20 };

interface Play extends PlayResult {
  variant: Variant;
  round: number;
  waterfall: Waterfall;
}

interface Entry {
  album: CatalogAlbum;
  track: CatalogTrack;
  index: number;
}

export interface PlaybackStartResult {
  date: string;
  rounds: number;
  latencyMs: number;
  anchors: typeof ANCHORS;
  summaries: Partial<Record<Variant, Summary & { failed: number }>>;
  ratiosVsHlsDefault: Partial<Record<Variant, number>>;
  waterfalls: Partial<Record<Variant, Waterfall>>;
  plays: Play[];
}

const app = await startApp();
const browser = await launchBrowser();
const reference = await referenceFile();
const fileServer = await serveFile(reference, "audio/mp4");
try {
  const context = await signedInContext(browser, app.baseUrl);
  const catalog = await loadCatalog(context.request);
  const entries: Entry[] = catalog.flatMap((album) =>
    album.tracks.map((track, index) => ({ album, track, index })),
  );
  if (entries.length < 2) throw new Error("the catalog needs at least two playable tracks");
  const hlsScript = await readFile(
    path.join(repoRoot, "packages/player/node_modules/hls.js/dist/hls.min.js"),
    "utf8",
  );
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  const cdp = await devtoolsSession(page, { cacheDisabled: true });
  if (LATENCY_MS > 0) {
    // Optional: the same comparison with a round-trip time, as on a real network.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  }

  const pick = (offset: number): Entry => entries[offset % entries.length] ?? (entries[0] as Entry);
  const plays: Play[] = [];
  const record = async (variant: Variant, round: number, result: PlayResult) => {
    const resources = await page.evaluate(resourcesSince, result.t0);
    const attachMs = await page.evaluate(mediaSourceSince, result.t0);
    plays.push({ ...result, variant, round, waterfall: waterfall(resources, attachMs) });
    if (!result.ok) log(`${variant} round ${round}: ${result.error ?? "failed"}`);
  };

  const measure: Record<Exclude<Variant, "oursColdWarm">, (round: number) => Promise<void>> = {
    hlsDefault: async (round) => {
      const entry = pick(round + 3);
      await openAlbum(page, entry.album);
      await page.addScriptTag({ content: hlsScript });
      const url = new URL(await signedStreamUrl(context.request, entry.track.id), app.baseUrl).href;
      await settle(page);
      await record(
        "hlsDefault",
        round,
        await page.evaluate(clickHlsDefaultAndWait, { url, timeoutMs: PLAY_TIMEOUT_MS }),
      );
    },
    progressive: async (round) => {
      await openAlbum(page, pick(round + 7).album);
      await settle(page);
      const url = `${fileServer.url}reference.m4a?round=${round}`;
      await record(
        "progressive",
        round,
        await page.evaluate(clickProgressiveAndWait, { url, timeoutMs: PLAY_TIMEOUT_MS }),
      );
    },
    oursCold: async (round) => {
      const entry = pick(round);
      await openAlbum(page, entry.album);
      await page.mouse.move(0, 0); // nothing hovered, nothing preloaded
      await settle(page);
      await record(
        "oursCold",
        round,
        await page.evaluate(clickOursAndWait, {
          label: `Play ${entry.track.title}`,
          timeoutMs: PLAY_TIMEOUT_MS,
        }),
      );
      // Second play in the same page: the previous row, not hovered, not preloaded (checked
      // afterwards through STARTED.preloaded).
      const tracks = entry.album.tracks;
      if (tracks.length < 2) return; // a single-track album: no second row to play
      const other = tracks[(entry.index + tracks.length - 1) % tracks.length];
      if (!other) return;
      await page.waitForTimeout(300);
      await record(
        "oursColdWarm",
        round,
        await page.evaluate(clickOursAndWait, { label: `Play ${other.title}`, timeoutMs: PLAY_TIMEOUT_MS }),
      );
    },
    oursPreloaded: async (round) => {
      const entry = pick(round + 5);
      await openAlbum(page, entry.album);
      await settle(page);
      await page.evaluate(armPreloaded, entry.track.id);
      // The row's Play button shows only on hover, so find the row by the button's label.
      const label = JSON.stringify(`Play ${entry.track.title}`);
      await page.locator("tr", { has: page.locator(`button[aria-label=${label}]`) }).hover();
      const preloadMs = await page.evaluate(awaitPreloaded, PLAY_TIMEOUT_MS);
      if (preloadMs < 0) log(`oursPreloaded round ${round}: no PRELOADED within ${PLAY_TIMEOUT_MS} ms`);
      await page.waitForTimeout(100);
      await record(
        "oursPreloaded",
        round,
        await page.evaluate(clickOursAndWait, {
          label: `Play ${entry.track.title}`,
          timeoutMs: PLAY_TIMEOUT_MS,
        }),
      );
    },
  };

  const order = Object.keys(measure) as (keyof typeof measure)[];
  log(`playback start: ${ROUNDS} rounds over ${entries.length} tracks in ${catalog.length} albums…`);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < order.length; i++) {
      const variant = order[(round + i) % order.length];
      if (variant) await measure[variant](round);
    }
    if ((round + 1) % 8 === 0) log(`  ${round + 1}/${ROUNDS} rounds`);
  }
  await page.close();
  await context.close();

  const result = analyse(plays);
  await writeResult("playback-start", result);
  process.stdout.write(report(result));
} finally {
  await fileServer.close();
  await browser.close();
  await app.stop();
}

async function openAlbum(page: Page, album: CatalogAlbum): Promise<void> {
  await page.goto(`/album/${album.id}`);
  await page.getByRole("button", { name: `Play ${album.title}`, exact: true }).waitFor();
  await page.waitForFunction(() => (window as unknown as BenchWindow).cadencePlayer !== undefined);
}

/** Lets the page finish loading (the player imports hls.js lazily) and go quiet. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(150);
}

/** A 128 kb/s AAC file with the moov atom up front, made once from a demo track. */
async function referenceFile(): Promise<string> {
  const dir = path.join(benchDataDir(), "bench-static");
  const out = path.join(dir, "reference.m4a");
  if (existsSync(out)) return out;
  await mkdir(dir, { recursive: true });
  const music = path.join(benchDataDir(), "demo-music");
  const sources = existsSync(music)
    ? (await readdir(music, { recursive: true, withFileTypes: true })).filter((e) =>
        /\.(flac|mp3|m4a|opus|ogg|wav)$/i.test(e.name),
      )
    : [];
  const source = sources[0];
  const args = source
    ? ["-i", path.join(source.parentPath, source.name)]
    : ["-f", "lavfi", "-i", "sine=frequency=440:duration=60"];
  await runFfmpeg([
    "-y",
    ...args,
    "-map",
    "0:a:0",
    "-c:a",
    "aac",
    "-b:a",
    "128k",
    "-movflags",
    "+faststart",
    out,
  ]);
  return out;
}

function analyse(plays: Play[]): PlaybackStartResult {
  const summaries: PlaybackStartResult["summaries"] = {};
  const waterfalls: PlaybackStartResult["waterfalls"] = {};
  for (const variant of VARIANTS) {
    const mine = plays.filter((p) => p.variant === variant);
    if (mine.length === 0) continue;
    const ok = mine.filter((p) => p.ok);
    summaries[variant] = { ...summarize(ok.map((p) => p.clickToPlayingMs)), failed: mine.length - ok.length };
    waterfalls[variant] = medianWaterfall(ok.map((p) => p.waterfall));
  }
  const base = summaries.hlsDefault?.median ?? NaN;
  const ratiosVsHlsDefault: PlaybackStartResult["ratiosVsHlsDefault"] = {};
  for (const variant of VARIANTS) {
    const s = summaries[variant];
    if (s) ratiosVsHlsDefault[variant] = s.median / base;
  }
  return {
    date: new Date().toISOString(),
    rounds: ROUNDS,
    latencyMs: LATENCY_MS,
    anchors: ANCHORS,
    summaries,
    ratiosVsHlsDefault,
    waterfalls,
    plays,
  };
}

function report(result: PlaybackStartResult): string {
  const rows: string[][] = [
    ["click → playing", "n", "median", "p95", "min", "max", "failed", "vs A (median)"],
  ];
  for (const variant of VARIANTS) {
    const s = result.summaries[variant];
    if (!s) continue;
    rows.push([
      LABELS[variant],
      String(s.n),
      ms(s.median),
      ms(s.p95),
      ms(s.min),
      ms(s.max),
      String(s.failed),
      ratio(result.ratiosVsHlsDefault[variant] ?? NaN),
    ]);
  }
  const preloadedFlags = result.plays.filter(
    (p) => p.ok && (p.variant === "oursPreloaded") !== (p.preloaded ?? false) && p.variant.startsWith("ours"),
  ).length;
  const lines = [
    "",
    `playback start: ${result.rounds} rounds, headless Chromium, loopback` +
      `${result.latencyMs ? ` + ${result.latencyMs} ms emulated latency` : ""}, HTTP cache off`,
    table(rows),
    "",
    "median request waterfall, ms from the click (start→end, time to first byte):",
    ...VARIANTS.flatMap((variant) => {
      const w = result.waterfalls[variant];
      const s = result.summaries[variant];
      return w && s ? [`  ${LABELS[variant]}: ${formatWaterfall(w, s.median)}`] : [];
    }),
    "",
    `anchors: Spotify published median ${result.anchors.spotifyMedian} ms; goals: cold median < ` +
      `${result.anchors.goalColdMedian} ms (stretch < ${result.anchors.stretchColdMedian} ms), ` +
      `preloaded < ${result.anchors.goalPreloadedMedian} ms`,
    ...(preloadedFlags > 0
      ? [`warning: ${preloadedFlags} plays where STARTED.preloaded did not match the variant`]
      : []),
    "",
  ];
  return lines.join("\n");
}
