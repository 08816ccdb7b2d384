import type { Room } from "./styles";

/**
 * A genre's room on one channel, as ffmpeg's filters of the same names define it: `echo` adds
 * delayed copies of the input (aecho: no feedback), `highpassHz` / `lowpassHz` are two-pole
 * Butterworth biquads (the Audio EQ Cookbook's, Q = 1/√2). Returns a new array.
 */
export function applyRoom(input: Float32Array, room: Room, sampleRate: number): Float32Array {
  let signal = input;
  if (room.echo) {
    const { inGain, outGain, taps } = room.echo;
    const delays = taps.map(([ms, gain]) => [Math.round((ms / 1000) * sampleRate), gain] as const);
    const out = new Float32Array(signal.length);
    for (let index = 0; index < signal.length; index++) {
      let value = (signal[index] ?? 0) * inGain;
      for (const [delay, gain] of delays) if (index >= delay) value += (signal[index - delay] ?? 0) * gain;
      out[index] = value * outGain;
    }
    signal = out;
  }
  if (room.highpassHz) signal = biquad(signal, "highpass", room.highpassHz, sampleRate);
  if (room.lowpassHz) signal = biquad(signal, "lowpass", room.lowpassHz, sampleRate);
  return signal === input ? input.slice() : signal;
}

function biquad(
  input: Float32Array,
  kind: "highpass" | "lowpass",
  hz: number,
  sampleRate: number,
): Float32Array {
  const w0 = (2 * Math.PI * hz) / sampleRate;
  const alpha = Math.sin(w0) / (2 * Math.SQRT1_2);
  const cos = Math.cos(w0);
  const a0 = 1 + alpha;
  const edge = kind === "lowpass" ? (1 - cos) / 2 : (1 + cos) / 2;
  const b0 = edge / a0;
  const b1 = ((kind === "lowpass" ? 1 : -1) * 2 * edge) / a0;
  const b2 = b0;
  const a1 = (-2 * cos) / a0;
  const a2 = (1 - alpha) / a0;
  const out = new Float32Array(input.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let index = 0; index < input.length; index++) {
    const x0 = input[index] ?? 0;
    const y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    out[index] = y0;
    x2 = x1;
    x1 = x0;
    y2 = y1;
    y1 = y0;
  }
  return out;
}
