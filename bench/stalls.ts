/**
 * Stalls benchmark: rebuffering while playing the whole catalog (repeat all) under DevTools
 * network emulation, against the same playback unthrottled, all in one run.
 *
 *   npx tsx bench/stalls.ts            (BENCH_STALL_SECONDS=240 of wall time by default)
 *
 * The profiles play at the same time, each in its own signed-in browser context, so they share
 * whatever else the machine is doing and the run takes one duration. The 12-track demo catalog
 * is 12 minutes long, so within the default 4 minutes no track repeats (nothing from the cache).
 */
import type { BrowserContext } from "@playwright/test";

import { loadCatalog, toPlayerTrack } from "./lib/catalog";
import type { CatalogAlbum } from "./lib/catalog";
import { launchBrowser, log, signedInContext, startApp, devtoolsSession } from "./lib/harness";
import type { BenchWindow } from "./lib/in-page";
import { writeResult } from "./lib/results";
import { median, ms, ratio, table } from "./lib/stats";
import { readTotals, startRecording, stopPlayback } from "./lib/stall-recorder";
import type { StallTotals } from "./lib/stall-recorder";

const SECONDS = Math.max(10, Number(process.env.BENCH_STALL_SECONDS ?? 240));

interface Profile {
  name: string;
  /** null: no emulation (the baseline). */
  downKbps: number | null;
  upKbps: number;
  latencyMs: number;
}

const PROFILES: Profile[] = [
  { name: "unthrottled (baseline)", downKbps: null, upKbps: 0, latencyMs: 0 },
  { name: "weak 3G: 400 kb/s, 150 ms", downKbps: 400, upKbps: 200, latencyMs: 150 },
  { name: "harsh: 150 kb/s, 300 ms", downKbps: 150, upKbps: 100, latencyMs: 300 },
];

interface ProfileResult {
  profile: Profile;
  totals: StallTotals;
  stallsPerHour: number;
  stallRatio: number;
  medianStartupMs: number;
}

export interface StallsResult {
  date: string;
  wallSeconds: number;
  profiles: ProfileResult[];
}

const app = await startApp();
const browser = await launchBrowser();
const contexts: BrowserContext[] = [];
try {
  const firstContext = await signedInContext(browser, app.baseUrl);
  contexts.push(firstContext);
  const catalog = await loadCatalog(firstContext.request);
  const tracks = catalog.flatMap((album) => album.tracks.map(toPlayerTrack));
  const firstAlbum: CatalogAlbum | undefined = catalog[0];
  if (!firstAlbum) throw new Error("the catalog is empty");

  const pages = [];
  for (const [i, profile] of PROFILES.entries()) {
    const context = i === 0 ? firstContext : await signedInContext(browser, app.baseUrl);
    if (i > 0) contexts.push(context);
    const page = await context.newPage();
    // The HTTP cache stays on, as for a listener: the album page's cover is reused by the
    // now-playing bar. Within the default duration no track repeats, so audio is never cached.
    const cdp = await devtoolsSession(page, { cacheDisabled: false });
    await page.goto(`/album/${firstAlbum.id}`);
    await page.waitForFunction(() => (window as unknown as BenchWindow).cadencePlayer !== undefined);
    if (profile.downKbps !== null) {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: profile.latencyMs,
        downloadThroughput: (profile.downKbps * 1000) / 8,
        uploadThroughput: (profile.upKbps * 1000) / 8,
      });
    }
    pages.push({ profile, page });
  }

  log(
    `stalls: ${PROFILES.length} profiles at once for ${SECONDS} s, ${tracks.length} tracks queued, repeat all…`,
  );
  for (const { profile, page } of pages) {
    const error = await page.evaluate(startRecording, { tracks, repeat: "all" as const });
    if (error) throw new Error(`${profile.name}: ${error}`);
  }
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, deadline - Date.now())));
    const progress = await Promise.all(pages.map(({ page }) => page.evaluate(readTotals)));
    log(
      `  ${Math.round((Date.now() - started) / 1000)} s: ` +
        progress
          .map(
            (t, i) =>
              `${PROFILES[i]?.name ?? i}: ${t ? `${t.playedSec.toFixed(0)} s played, ${t.stalls} stalls` : "?"}`,
          )
          .join("; "),
    );
  }
  const wallSeconds = (Date.now() - started) / 1000;
  const profiles: ProfileResult[] = [];
  for (const { profile, page } of pages) {
    const totals = await page.evaluate(readTotals);
    await page.evaluate(stopPlayback);
    if (!totals) throw new Error(`${profile.name}: no recorder in the page`);
    const hours = totals.playedSec / 3600;
    profiles.push({
      profile,
      totals,
      stallsPerHour: hours > 0 ? totals.stalls / hours : NaN,
      stallRatio: totals.playedSec > 0 ? totals.stalledMs / 1000 / totals.playedSec : NaN,
      medianStartupMs: median(totals.startupsMs),
    });
  }
  const result: StallsResult = { date: new Date().toISOString(), wallSeconds, profiles };
  await writeResult("stalls", result);
  process.stdout.write(report(result));
} finally {
  for (const context of contexts) await context.close();
  await browser.close();
  await app.stop();
}

function report(result: StallsResult): string {
  const baseline = result.profiles[0];
  const rows: string[][] = [
    [
      "profile",
      "played",
      "stalls",
      "stalls/h",
      "stalled",
      "stall ratio",
      "switches (down)",
      "start 1st / med",
      "time per level (peak kb/s)",
    ],
  ];
  for (const p of result.profiles) {
    const t = p.totals;
    const byLevel = Object.entries(t.playedByLevel)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([index, l]) =>
          `L${index} ${l.minKbps === l.maxKbps ? l.minKbps : `${l.minKbps}-${l.maxKbps}`}k ` +
          `${((100 * l.sec) / Math.max(1e-9, t.playedSec)).toFixed(0)}%`,
      )
      .join(", ");
    rows.push([
      p.profile.name,
      `${t.playedSec.toFixed(0)} s`,
      String(t.stalls),
      p.stallsPerHour.toFixed(1),
      `${(t.stalledMs / 1000).toFixed(1)} s`,
      `${(100 * p.stallRatio).toFixed(2)}%`,
      `${t.levelSwitches} (${t.downSwitches})`,
      `${ms(t.startupsMs[0] ?? NaN)} / ${ms(p.medianStartupMs)}`,
      byLevel,
    ]);
  }
  const vs = result.profiles.slice(1).map((p) => {
    const ratioText =
      baseline && baseline.stallsPerHour > 0
        ? ratio(p.stallsPerHour / baseline.stallsPerHour)
        : `n/a (baseline ${baseline?.stallsPerHour.toFixed(1) ?? "?"} stalls/h)`;
    return `  ${p.profile.name}: stalls/h vs baseline ${ratioText}, played ${ratio(
      p.totals.playedSec / Math.max(1e-9, baseline?.totals.playedSec ?? 0),
    )} of the baseline's audio`;
  });
  const where = result.profiles
    .filter((p) => p.totals.stallLog.length > 0)
    .map(
      (p) =>
        `  ${p.profile.name} stalls (wall s / queue # @ playhead s / ms): ` +
        p.totals.stallLog
          .slice(0, 12)
          .map((e) => `${e.atSec}/#${e.track}@${e.positionSec}/${e.durationMs}`)
          .join(", "),
    );
  const requests = result.profiles.map(
    (p) =>
      `  ${p.profile.name} requests: ` +
      Object.entries(p.totals.requests)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, r]) => `${kind} ${r.count} (${r.kb.toFixed(0)} kB)`)
        .join(", "),
  );
  const errors = result.profiles
    .filter((p) => p.totals.errors.length > 0)
    .map((p) => `  ${p.profile.name} errors: ${[...new Set(p.totals.errors)].join(", ")}`);
  return [
    "",
    `stalls: ${result.wallSeconds.toFixed(0)} s of wall time per profile, whole catalog on repeat`,
    table(rows),
    ...vs,
    ...where,
    ...requests,
    ...errors,
    "",
  ].join("\n");
}
