/**
 * In-page recorder for the stalls benchmark (runs through page.evaluate; each function must be
 * self-contained). It listens to the player's events and keeps running totals on window.
 */
import type { Player, RepeatMode, Track } from "@cadence/player";

export interface StallTotals {
  /** Seconds of audio played (sum of playhead advances between time updates). */
  playedSec: number;
  /**
   * Seconds played per rendition, by level index (0 = lowest; "?" before one is known), with the
   * range of the levels' BANDWIDTH (peak kb/s, which varies a little from track to track). This
   * is the level hls.js is loading, which leads the audible one by the forward buffer.
   */
  playedByLevel: Record<string, { sec: number; minKbps: number; maxKbps: number }>;
  stalls: number;
  stalledMs: number;
  /** A stall still going on when the totals were read (counted in stalls and stalledMs). */
  openStallMs: number;
  levelSwitches: number;
  /** Downward switches among levelSwitches. */
  downSwitches: number;
  /** Each stall: when (s since recording began), where (track # in the queue, playhead s), how long. */
  stallLog: { atSec: number; track: number; positionSec: number; durationMs: number }[];
  startupsMs: number[];
  tracksStarted: number;
  errors: string[];
  status: string;
  /** Requests made while recording, by kind: how many, and kB over the network (cache hits: 0). */
  requests: Record<string, { count: number; kb: number }>;
}

interface RecorderWindow {
  cadencePlayer?: Player;
  benchStalls?: {
    totals: StallTotals;
    lastTrack: string | null;
    lastTime: number;
    stallSince: number | null;
  };
}

export function startRecording(args: { tracks: Track[]; repeat: RepeatMode }): string | null {
  const w = window as unknown as RecorderWindow;
  const player = w.cadencePlayer;
  if (!player) return "no window.cadencePlayer";
  const state: NonNullable<RecorderWindow["benchStalls"]> = {
    totals: {
      playedSec: 0,
      playedByLevel: {},
      stalls: 0,
      stalledMs: 0,
      openStallMs: 0,
      levelSwitches: 0,
      downSwitches: 0,
      stallLog: [],
      startupsMs: [],
      tracksStarted: 0,
      errors: [],
      status: player.status,
      requests: {},
    },
    lastTrack: null,
    lastTime: 0,
    stallSince: null,
  };
  w.benchStalls = state;
  performance.setResourceTimingBufferSize(100_000);
  performance.clearResourceTimings();
  const t = state.totals;
  player.on("timeUpdate", (e) => {
    const delta = e.currentTime - state.lastTime;
    if (e.trackId === state.lastTrack && delta > 0 && delta < 2) {
      t.playedSec += delta;
      const level = player.currentLevel;
      const key = level ? String(level.index) : "?";
      const kbps = level?.bitrateKbps ?? 0;
      const entry = (t.playedByLevel[key] ??= { sec: 0, minKbps: kbps, maxKbps: kbps });
      entry.sec += delta;
      entry.minKbps = Math.min(entry.minKbps, kbps);
      entry.maxKbps = Math.max(entry.maxKbps, kbps);
    }
    state.lastTrack = e.trackId;
    state.lastTime = e.currentTime;
  });
  const began = performance.now();
  player.on("stalled", (e) => {
    t.stalls += 1;
    t.stalledMs += e.durationMs;
    if (t.stallLog.length < 200) {
      t.stallLog.push({
        atSec: Math.round((performance.now() - began - e.durationMs) / 100) / 10,
        track: player.queue.currentIndex,
        positionSec: Math.round(player.currentTime * 10) / 10,
        durationMs: Math.round(e.durationMs),
      });
    }
  });
  player.on("stateChanged", (e) => {
    t.status = e.status;
    // Mirrors the player's own stall accounting, to catch a stall still open at the end.
    if (e.status === "buffering" && e.previous === "playing") state.stallSince = performance.now();
    else if (e.status !== "buffering") state.stallSince = null;
  });
  player.on("levelSwitched", (e) => {
    if (!e.previous) return; // the first level of each track is not a switch
    t.levelSwitches += 1;
    if (e.level.bitrateKbps < e.previous.bitrateKbps) t.downSwitches += 1;
  });
  player.on("started", (e) => {
    t.tracksStarted += 1;
    t.startupsMs.push(e.startupMs);
  });
  player.on("error", (e) => {
    if (t.errors.length < 50) t.errors.push(`${e.fatal ? "fatal " : ""}${e.type}/${e.details}`);
  });
  player.setRepeat(args.repeat);
  void player.playTracks(args.tracks, 0);
  return null;
}

export function readTotals(): StallTotals | null {
  const state = (window as unknown as RecorderWindow).benchStalls;
  if (!state) return null;
  const open = state.stallSince === null ? 0 : performance.now() - state.stallSince;
  const requests: StallTotals["requests"] = {};
  for (const entry of performance.getEntriesByType("resource")) {
    if (!(entry instanceof PerformanceResourceTiming)) continue;
    const url = new URL(entry.name);
    const kind = url.pathname.startsWith("/api/trpc/")
      ? `trpc ${url.pathname.slice("/api/trpc/".length)}`
      : url.pathname.startsWith("/api/keys/")
        ? "key"
        : url.pathname.endsWith(".m4s")
          ? "segment"
          : url.pathname.endsWith(".m3u8")
            ? "playlist"
            : url.pathname.endsWith(".mp4")
              ? "init"
              : url.pathname.startsWith("/api/covers/")
                ? "cover"
                : url.pathname.startsWith("/_next/")
                  ? "next"
                  : `other ${url.pathname.slice(0, 40)}`;
    const r = (requests[kind] ??= { count: 0, kb: 0 });
    r.count += 1;
    r.kb += entry.transferSize / 1000; // over the network: 0 for a cache hit
  }
  return {
    ...state.totals,
    requests,
    stalls: state.totals.stalls + (open > 0 ? 1 : 0),
    stalledMs: state.totals.stalledMs + open,
    openStallMs: open,
  };
}

export function stopPlayback(): void {
  (window as unknown as RecorderWindow).cadencePlayer?.pause();
}
