/**
 * Functions that run inside the page through page.evaluate. Each must be self-contained: it is
 * serialised and cannot reach anything outside its own body (types excepted).
 */
import type { HlsConstructor, Player } from "@cadence/player";

export interface BenchWindow {
  cadencePlayer?: Player;
  Hls?: HlsConstructor;
  benchPreloaded?: Promise<number>;
}

export interface PlayResult {
  ok: boolean;
  /** performance.now() just before the click, for matching resource timings. */
  t0: number;
  /** Click to the element's `playing` (for our player: its STARTED event, emitted on `playing`). */
  clickToPlayingMs: number;
  /** The player's own startup measure (from play()/track change), when ours. */
  playerStartupMs?: number;
  preloaded?: boolean;
  trackId?: string;
  error?: string;
}

export interface ResourceTiming {
  url: string;
  startMs: number;
  /** Time to first byte, from the request start. */
  ttfbMs: number;
  endMs: number;
  bytes: number;
}

/** Clicks our Play button for a row (or the album) and waits for the player's STARTED. */
export function clickOursAndWait(args: { label: string; timeoutMs: number }): Promise<PlayResult> {
  const player = (window as unknown as BenchWindow).cadencePlayer;
  const button = Array.from(document.querySelectorAll("button")).find(
    (b) => b.getAttribute("aria-label") === args.label,
  );
  if (!player || !button) {
    return Promise.resolve({
      ok: false,
      t0: 0,
      clickToPlayingMs: 0,
      error: player ? `no button "${args.label}"` : "no window.cadencePlayer",
    });
  }
  return new Promise((resolve) => {
    let t0 = 0;
    const offError = player.on("error", (e) => {
      if (!e.fatal) return;
      done({ ok: false, t0, clickToPlayingMs: performance.now() - t0, error: `${e.type}/${e.details}` });
    });
    const offStarted = player.on("started", (e) => {
      done({
        ok: true,
        t0,
        clickToPlayingMs: performance.now() - t0,
        playerStartupMs: e.startupMs,
        preloaded: e.preloaded,
        trackId: e.trackId,
      });
    });
    const timer = setTimeout(() => {
      done({ ok: false, t0, clickToPlayingMs: args.timeoutMs, error: "timeout" });
    }, args.timeoutMs);
    function done(result: PlayResult): void {
      clearTimeout(timer);
      offStarted();
      offError();
      resolve(result);
    }
    performance.clearResourceTimings();
    t0 = performance.now();
    button.click();
  });
}

/**
 * Baseline: hls.js with its default config, created on click, attached to a fresh <audio>,
 * played on MANIFEST_PARSED. Needs window.Hls (hls.min.js injected with addScriptTag).
 */
export function clickHlsDefaultAndWait(args: { url: string; timeoutMs: number }): Promise<PlayResult> {
  const Hls = (window as unknown as BenchWindow).Hls;
  if (!Hls) return Promise.resolve({ ok: false, t0: 0, clickToPlayingMs: 0, error: "no window.Hls" });
  const audio = document.createElement("audio");
  const button = document.createElement("button");
  button.textContent = "baseline";
  document.body.append(button);
  return new Promise((resolve) => {
    let t0 = 0;
    let finished = false;
    const timer = setTimeout(() => {
      done({ ok: false, t0, clickToPlayingMs: args.timeoutMs, error: "timeout" });
    }, args.timeoutMs);
    audio.addEventListener("playing", () => {
      done({ ok: true, t0, clickToPlayingMs: performance.now() - t0 });
    });
    button.addEventListener("click", () => {
      const hls = new Hls();
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        audio.play().catch((error: unknown) => {
          done({ ok: false, t0, clickToPlayingMs: performance.now() - t0, error: String(error) });
        });
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal)
          done({ ok: false, t0, clickToPlayingMs: performance.now() - t0, error: data.details });
      });
      hls.loadSource(args.url);
      hls.attachMedia(audio);
    });
    function done(result: PlayResult): void {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      audio.pause();
      resolve(result);
    }
    performance.clearResourceTimings();
    t0 = performance.now();
    button.click();
  });
}

/** Reference: a plain progressive <audio src> of a static AAC file, played on click. */
export function clickProgressiveAndWait(args: { url: string; timeoutMs: number }): Promise<PlayResult> {
  const audio = document.createElement("audio");
  const button = document.createElement("button");
  button.textContent = "progressive";
  document.body.append(button);
  return new Promise((resolve) => {
    let t0 = 0;
    let finished = false;
    const timer = setTimeout(() => {
      done({ ok: false, t0, clickToPlayingMs: args.timeoutMs, error: "timeout" });
    }, args.timeoutMs);
    audio.addEventListener("playing", () => {
      done({ ok: true, t0, clickToPlayingMs: performance.now() - t0 });
    });
    button.addEventListener("click", () => {
      audio.src = args.url;
      audio.play().catch((error: unknown) => {
        done({ ok: false, t0, clickToPlayingMs: performance.now() - t0, error: String(error) });
      });
    });
    function done(result: PlayResult): void {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      audio.pause();
      resolve(result);
    }
    performance.clearResourceTimings();
    t0 = performance.now();
    button.click();
  });
}

/** Starts waiting for the player's PRELOADED of a track; await it with awaitPreloaded. */
export function armPreloaded(trackId: string): void {
  const w = window as unknown as BenchWindow;
  const player = w.cadencePlayer;
  const started = performance.now();
  w.benchPreloaded = new Promise((resolve) => {
    if (!player) return resolve(-1);
    const off = player.on("preloaded", (e) => {
      if (e.trackId !== trackId) return;
      off();
      resolve(performance.now() - started);
    });
  });
}

/** ms from armPreloaded to PRELOADED, or -1 on timeout. */
export function awaitPreloaded(timeoutMs: number): Promise<number> {
  const pending = (window as unknown as BenchWindow).benchPreloaded;
  if (!pending) return Promise.resolve(-1);
  return Promise.race([pending, new Promise<number>((resolve) => setTimeout(() => resolve(-1), timeoutMs))]);
}

/** Resource timings of requests started at or after t0, relative to t0. */
export function resourcesSince(t0: number): ResourceTiming[] {
  return performance
    .getEntriesByType("resource")
    .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
    .filter((entry) => entry.startTime >= t0 - 1)
    .map((entry) => ({
      url: entry.name,
      startMs: entry.startTime - t0,
      ttfbMs: entry.responseStart > 0 ? entry.responseStart - entry.startTime : 0,
      endMs: entry.responseEnd - t0,
      bytes: entry.transferSize,
    }));
}

export function pausePlayer(): void {
  (window as unknown as BenchWindow).cadencePlayer?.pause();
}

/**
 * Init script: notes when each MediaSource is created (hls.js attachMedia), to split the time
 * between the click and the first request. A subclass, so hls.js sees a normal MediaSource.
 */
export function installProbes(): void {
  const w = window as unknown as { MediaSource?: typeof MediaSource; benchMediaSources?: number[] };
  const Original = w.MediaSource;
  if (!Original) return;
  const times: number[] = [];
  w.benchMediaSources = times;
  w.MediaSource = class extends Original {
    constructor() {
      super();
      times.push(performance.now());
    }
  };
}

/** ms from t0 to the first MediaSource created at or after t0, or null. */
export function mediaSourceSince(t0: number): number | null {
  const times = (window as unknown as { benchMediaSources?: number[] }).benchMediaSources ?? [];
  const first = times.find((t) => t >= t0);
  return first === undefined ? null : first - t0;
}
