/** Splits a play's network requests into the phases of an HLS start, relative to the click. */
import type { ResourceTiming } from "./in-page";
import { median } from "./stats";

export const PHASES = ["stream", "master", "variant", "key", "init", "segment"] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseTiming {
  startMs: number;
  ttfbMs: number;
  endMs: number;
}

/** "attach": hls.js attachMedia created its MediaSource (a moment, not a request). */
export type Waterfall = Partial<Record<"attach" | Phase | "file", PhaseTiming>>;

/** The first request of each kind: what stands between the click and the first audio. */
export function waterfall(resources: readonly ResourceTiming[], attachMs: number | null): Waterfall {
  const result: Waterfall = {};
  if (attachMs !== null) result.attach = { startMs: attachMs, ttfbMs: 0, endMs: attachMs };
  const playlists = resources.filter((r) => new URL(r.url).pathname.endsWith(".m3u8"));
  const first = (kind: Phase | "file", match: ResourceTiming | undefined) => {
    if (match && !result[kind]) {
      result[kind] = { startMs: match.startMs, ttfbMs: match.ttfbMs, endMs: match.endMs };
    }
  };
  first(
    "stream",
    resources.find((r) => r.url.includes("/api/trpc/") && r.url.includes("playback.stream")),
  );
  first(
    "master",
    playlists.find((r) => new URL(r.url).pathname.endsWith("/master.m3u8")),
  );
  first(
    "variant",
    playlists.find((r) => !new URL(r.url).pathname.endsWith("/master.m3u8")),
  );
  first(
    "key",
    resources.find((r) => new URL(r.url).pathname.startsWith("/api/keys/")),
  );
  first(
    "init",
    resources.find((r) => new URL(r.url).pathname.endsWith(".mp4")),
  );
  first(
    "segment",
    resources.find((r) => new URL(r.url).pathname.endsWith(".m4s")),
  );
  first(
    "file",
    resources.find((r) => new URL(r.url).pathname.endsWith(".m4a")),
  );
  return result;
}

/** Per phase, the median start, time to first byte and end over many plays. */
export function medianWaterfall(plays: readonly Waterfall[]): Waterfall {
  const result: Waterfall = {};
  for (const kind of ["attach", ...PHASES, "file"] as const) {
    const timings = plays.map((play) => play[kind]).filter((t): t is PhaseTiming => t !== undefined);
    if (timings.length === 0) continue;
    result[kind] = {
      startMs: median(timings.map((t) => t.startMs)),
      ttfbMs: median(timings.map((t) => t.ttfbMs)),
      endMs: median(timings.map((t) => t.endMs)),
    };
  }
  return result;
}

export function formatWaterfall(w: Waterfall, playingMs: number): string {
  const parts = (Object.keys(w) as (keyof Waterfall)[])
    .map((kind) => {
      const t = w[kind];
      if (!t) return "";
      if (kind === "attach") return `attach ${t.startMs.toFixed(0)}`;
      return `${kind} ${t.startMs.toFixed(0)}→${t.endMs.toFixed(0)} (ttfb ${t.ttfbMs.toFixed(0)})`;
    })
    .filter(Boolean);
  return `${parts.join(" | ")} | playing ${playingMs.toFixed(0)}`;
}
