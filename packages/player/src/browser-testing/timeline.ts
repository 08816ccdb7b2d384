/**
 * Measures transitions between tracks from the media elements' own clocks: sample every element's
 * currentTime against performance.now(), then extrapolate when the outgoing track's audio ran out
 * and when the incoming one's began. `sampleElements` is self-contained so end-to-end tests can
 * pass it to page.evaluate.
 */

export interface ElementSample {
  /** performance.now() of the sample. */
  at: number;
  time: number;
  paused: boolean;
  ended: boolean;
  volume: number;
}

/** Samples each element every `intervalMs` for `durationMs`; one series per element. */
export function sampleElements(
  elements: readonly HTMLMediaElement[],
  durationMs: number,
  intervalMs = 4,
): Promise<ElementSample[][]> {
  const series: ElementSample[][] = elements.map(() => []);
  const started = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      const at = performance.now();
      elements.forEach((el, i) => {
        series[i]?.push({ at, time: el.currentTime, paused: el.paused, ended: el.ended, volume: el.volume });
      });
      if (at - started >= durationMs) resolve(series);
      else setTimeout(tick, intervalMs);
    };
    tick();
  });
}

/** Wall-clock time (ms) at which the element played its last sample (media time `end`). */
export function playedUntil(samples: readonly ElementSample[], end: number): number | null {
  // Extrapolate from the last samples where the clock was moving, before the end.
  const moving = samples.filter((s, i) => {
    const prev = samples[i - 1];
    return prev !== undefined && !s.paused && s.time > prev.time && s.time < end;
  });
  const estimates = moving.slice(-5).map((s) => s.at + (end - s.time) * 1000);
  return estimates.length > 0 ? median(estimates) : null;
}

/** Wall-clock time (ms) at which the element's clock started moving from where it stood. */
export function playedFrom(samples: readonly ElementSample[]): number | null {
  const firstMoving = samples.findIndex((s, i) => i > 0 && s.time > (samples[i - 1]?.time ?? s.time));
  if (firstMoving < 1) return null;
  const origin = samples[firstMoving - 1]?.time ?? 0;
  const estimates = samples
    .slice(firstMoving, firstMoving + 5)
    .filter((s) => s.time > origin)
    .map((s) => s.at - (s.time - origin) * 1000);
  return estimates.length > 0 ? median(estimates) : null;
}

/** Silence (ms, negative when overlapping) between the outgoing track's end and the incoming start. */
export function transitionGapMs(
  outgoing: readonly ElementSample[],
  outgoingEnd: number,
  incoming: readonly ElementSample[],
): number | null {
  const end = playedUntil(outgoing, outgoingEnd);
  const start = playedFrom(incoming);
  return end === null || start === null ? null : start - end;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
