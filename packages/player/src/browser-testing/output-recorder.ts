/**
 * Records what the listener hears: the given <audio> elements are routed through an AudioContext
 * into a recording worklet (and on to the speakers), and the mixed samples are analysed for
 * silence and for which tones sound when. `routeToRecorder` and `recordOutput` are
 * self-contained so end-to-end tests can pass them to page.evaluate.
 */

export interface Recording {
  sampleRate: number;
  /** Mono mix (left channel) of everything the elements played while recording. */
  samples: number[];
}

interface RecorderWindow {
  __cadenceRecorder?: {
    ctx: AudioContext;
    node: AudioWorkletNode;
    routed: WeakSet<HTMLMediaElement>;
    chunks: Float32Array[] | null;
  };
}

/**
 * Routes `elements` through the recorder (once per element). Do it before they play: rerouting a
 * playing element glitches.
 */
export async function routeToRecorder(elements: HTMLMediaElement[]): Promise<void> {
  const w = window as unknown as RecorderWindow;
  if (!w.__cadenceRecorder) {
    const ctx = new AudioContext();
    const code = `registerProcessor("cadence-recorder", class extends AudioWorkletProcessor {
      process(inputs) { const ch = inputs[0] && inputs[0][0]; this.port.postMessage(ch ? ch.slice() : new Float32Array(128)); return true; }
    });`;
    await ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
    const node = new AudioWorkletNode(ctx, "cadence-recorder");
    node.connect(ctx.destination);
    const recorder = {
      ctx,
      node,
      routed: new WeakSet<HTMLMediaElement>(),
      chunks: null as Float32Array[] | null,
    };
    node.port.onmessage = (event: MessageEvent<Float32Array>) => recorder.chunks?.push(event.data);
    w.__cadenceRecorder = recorder;
  }
  const recorder = w.__cadenceRecorder;
  await recorder.ctx.resume();
  for (const element of elements) {
    if (recorder.routed.has(element)) continue;
    recorder.ctx.createMediaElementSource(element).connect(recorder.node);
    recorder.routed.add(element);
  }
}

/** Records the routed elements' mixed output for `durationMs`. */
export async function recordOutput(durationMs: number): Promise<Recording> {
  const recorder = (window as unknown as RecorderWindow).__cadenceRecorder;
  if (!recorder) throw new Error("routeToRecorder first");
  recorder.chunks = [];
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  const chunks = recorder.chunks;
  recorder.chunks = null;
  const samples: number[] = [];
  for (const chunk of chunks) for (const x of chunk) samples.push(x);
  return { sampleRate: recorder.ctx.sampleRate, samples };
}

/** The longest run of near-silence (ms) between the first and the last sound of the recording. */
export function longestSilenceMs({ samples, sampleRate }: Recording, threshold = 0.005): number {
  const first = samples.findIndex((x) => Math.abs(x) > threshold);
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] ?? 0) <= threshold) last--;
  let run = 0;
  let longest = 0;
  for (let i = first; i <= last; i++) {
    run = Math.abs(samples[i] ?? 0) <= threshold ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return (longest / sampleRate) * 1000;
}

/** Amplitude of a sine at `frequency` in windows of `windowMs`, one every `stepMs` (Goertzel). */
export function toneLevels(
  { samples, sampleRate }: Recording,
  frequency: number,
  windowMs = 50,
  stepMs = windowMs,
): number[] {
  const size = Math.round((sampleRate * windowMs) / 1000);
  const step = Math.max(1, Math.round((sampleRate * stepMs) / 1000));
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  const levels: number[] = [];
  for (let start = 0; start + size <= samples.length; start += step) {
    let s1 = 0;
    let s2 = 0;
    for (let i = start; i < start + size; i++) {
      const s0 = (samples[i] ?? 0) + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    levels.push((2 * Math.sqrt(Math.max(0, power))) / size);
  }
  return levels;
}

/**
 * How long (ms) two tones both sound above `share` of the louder one's peak, in 20 ms windows
 * sliding by 1 ms: the audible overlap of two tracks.
 */
export function bothTonesMs(recording: Recording, f1: number, f2: number, share = 0.5): number {
  const a = toneLevels(recording, f1, 20, 1);
  const b = toneLevels(recording, f2, 20, 1);
  const peak = Math.max(...a, ...b);
  return a.filter((level, i) => level > peak * share && (b[i] ?? 0) > peak * share).length;
}
