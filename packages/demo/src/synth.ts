/**
 * Procedural music for the demo catalog: a seeded plan per track (tempo, key, melody, bass line)
 * in its genre's style, played sample by sample in JavaScript (lead, bass, pad, drums), then
 * widened to stereo and put through the genre's room. Reruns are bit-identical. This replaced
 * one ffmpeg aevalsrc expression per track, whose evaluator walks the whole expression tree
 * for every sample: the catalog took minutes of CPU that way, about half a second a track here.
 */
import { applyRoom } from "./room";
import { PROGRESSIONS, STYLES } from "./styles";
import type { BassStyle, Genre, Style, Voice } from "./styles";

export { GENRES } from "./styles";
export type { Genre } from "./styles";

/** Deterministic PRNG (mulberry32): the same seed gives the same song on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SongPlan {
  genre: Genre;
  style: Style;
  bpm: number;
  /** Lead note per step of a four-bar loop, in Hz (0: a rest). */
  melody: number[];
  /** Bass root per bar of the loop, in Hz. */
  bassRoots: number[];
  seed: number;
}

/** The song a seed gives in a genre: tempo, key, a four-bar melody and its bass line. */
export function composeSong(genre: Genre, seed: number): SongPlan {
  const style = STYLES[genre];
  const random = prng(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

  const bpm = Math.round(style.bpm[0] + random() * (style.bpm[1] - style.bpm[0]));
  const scale = pick(style.scales);
  const tonic = style.tonic[0] * 2 ** (Math.floor(random() * 12) / 12);
  const clampedTonic = tonic > style.tonic[1] ? tonic / 2 : tonic;
  const progression = pick(PROGRESSIONS);
  const freq = (degree: number, base: number): number => {
    const octave = Math.floor(degree / 7);
    const semitone = 12 * octave + (scale[((degree % 7) + 7) % 7] ?? 0);
    return base * 2 ** (semitone / 12);
  };

  // Four bars over the progression, looped; chord tones on strong steps.
  const stepsPerBar = Math.round(style.beatsPerBar / style.step);
  const melody: number[] = [];
  let degree = progression[0] + 2;
  for (let bar = 0; bar < 4; bar++) {
    const root = progression[bar] ?? 0;
    const arpeggio = [root, root + 2, root + 4, root + 7, root + 4, root + 2];
    const shift = Math.floor(random() * 3);
    for (let step = 0; step < stepsPerBar; step++) {
      if (style.arpeggio) {
        melody.push(freq(arpeggio[(step + shift) % arpeggio.length] ?? root, clampedTonic));
        continue;
      }
      if (random() < style.restChance && step % 2 === 1) {
        melody.push(0);
        continue;
      }
      const strong = step % Math.max(1, Math.round(1 / style.step)) === 0;
      degree = strong
        ? pick([root, root + 2, root + 4])
        : Math.max(-2, Math.min(9, degree + pick([-2, -1, 1, 2, 0])));
      melody.push(freq(degree, clampedTonic));
    }
  }
  const bassRoots = progression.map((root) => freq(root, clampedTonic / 4));
  return { genre, style, bpm, melody, bassRoots, seed };
}

const TWO_PI = 2 * Math.PI;
/**
 * Plays the plan for `durationSeconds`: 16-bit little-endian interleaved stereo PCM, the right
 * channel 12 ms late (a Haas widening), the genre's room, a short fade in and a fade out.
 */
export function renderSong(plan: SongPlan, durationSeconds: number, sampleRate: number): Buffer {
  const frames = Math.round(durationSeconds * sampleRate);
  const mono = renderMono(plan, frames, sampleRate);
  const delay = Math.round(0.012 * sampleRate);
  const right = new Float32Array(frames);
  right.set(mono.subarray(0, Math.max(0, frames - delay)), delay);
  const leftRoom = applyRoom(mono, plan.style.room, sampleRate);
  const rightRoom = applyRoom(right, plan.style.room, sampleRate);

  const fadeIn = 0.02 * sampleRate;
  const fadeOut = Math.min(3, durationSeconds / 4) * sampleRate;
  const pcm = new Int16Array(frames * 2);
  for (let index = 0; index < frames; index++) {
    const gain = Math.min(1, index / fadeIn, (frames - index) / fadeOut);
    pcm[index * 2] = toInt16((leftRoom[index] as number) * gain);
    pcm[index * 2 + 1] = toInt16((rightRoom[index] as number) * gain);
  }
  // Int16Array is in the platform's byte order: little-endian on every machine Node supports.
  return Buffer.from(pcm.buffer);
}

function toInt16(value: number): number {
  return Math.round((value > 1 ? 1 : value < -1 ? -1 : value) * 32767);
}

/**
 * The mono mix, bar by bar. A bar's sound depends only on its place in the four-bar loop and on
 * whether the lead plays, an octave up or not, and the drums play (every part starts and ends
 * silent within its bar), so each kind of bar is played once and copied wherever it recurs: a
 * minute of music has about 30 bars of 14 kinds at most. Copies land on the nearest sample;
 * the noise in them (snare, hats, vinyl crackle) repeats with its bar, as a drum machine's does.
 */
function renderMono(plan: SongPlan, frames: number, sampleRate: number): Float32Array {
  const mono = new Float32Array(frames);
  const sample = sampler(plan);
  const barFrames = ((plan.style.beatsPerBar * 60) / plan.bpm) * sampleRate;
  const played = new Map<string, Float32Array>();
  for (let bar = 0; Math.round(bar * barFrames) < frames; bar++) {
    const start = Math.round(bar * barFrames);
    const length = Math.min(frames, Math.round((bar + 1) * barFrames)) - start;
    const kind = barKind(plan, bar);
    let sound = played.get(kind);
    if (!sound) {
      sound = new Float32Array(Math.ceil(barFrames) + 1);
      for (let index = 0; index < sound.length; index++) sound[index] = sample((start + index) / sampleRate);
      played.set(kind, sound);
    }
    mono.set(sound.subarray(0, length), start);
  }
  return mono;
}

/** Every third pass of the loop the lead jumps an octave; bars 12-15 of 16 drop it entirely. */
const leadOctave = (bar: number): number => (Math.floor(bar / 4) % 3 === 2 ? 2 : 1);
const leadPlays = (bar: number): boolean => bar % 16 < 12;
const drumsPlay = (bar: number): boolean => bar >= 2;

function barKind(plan: SongPlan, bar: number): string {
  return `${bar % 4}:${leadPlays(bar) ? leadOctave(bar) : 0}:${drumsPlay(bar) ? 1 : 0}`;
}

/** The mono mix at time t (seconds): lead, bass, pad, drums, gently saturated. */
function sampler(plan: SongPlan): (t: number) => number {
  const { style, melody, bassRoots } = plan;
  const noise = prng(plan.seed ^ 0x5eed);
  const bps = plan.bpm / 60;
  const beatSeconds = 1 / bps;
  const stepSeconds = style.step * beatSeconds;
  const eighthSeconds = beatSeconds / 2;
  const barSeconds = style.beatsPerBar * beatSeconds;
  const eighths = style.beatsPerBar * 2;
  const hits = (positions: readonly number[]) => {
    const mask = new Array<boolean>(eighths).fill(false);
    for (const position of positions) mask[position] = true;
    return mask;
  };
  const [kicks, snares, hats] = [hits(style.kick), hits(style.snare), hits(style.hat)];
  const drums = style.kick.length + style.snare.length + style.hat.length > 0;
  const crackleChance = style.crackle ? 0.0006 : 0;

  return (t) => {
    const beat = t * bps;
    const bar = Math.floor(beat / style.beatsPerBar);
    const step = Math.floor(beat / style.step);
    const noteTime = (beat - step * style.step) / bps;
    const leadHz = melody[step % melody.length] ?? 0;
    const eighthCount = Math.floor(beat * 2);
    const eighth = eighthCount % eighths;
    const eighthTime = (beat * 2 - eighthCount) / (2 * bps);
    const barTime = (beat - bar * style.beatsPerBar) / bps;
    const beatTime = (beat - Math.floor(beat)) / bps;
    const root = bassRoots[bar % 4] ?? 0;

    let mix = 0;
    if (leadHz > 0 && leadPlays(bar)) {
      const octave = leadOctave(bar);
      const envelope =
        Math.min(1, noteTime / style.attack) *
        Math.exp(-style.decay * noteTime) *
        Math.min(1, Math.max(0, stepSeconds - noteTime) / 0.015);
      mix += 0.34 * envelope * voice(style.lead, TWO_PI * leadHz * octave * noteTime, noteTime);
    }

    const bassTime = bassTimeOf(style.bass, barTime, eighthTime, beatTime);
    const bassEnvelope = bassEnvelopeOf(style.bass, bassTime, eighth, {
      barSeconds,
      eighthSeconds,
      beatSeconds,
    });
    if (bassEnvelope > 0) {
      const bassHz = style.bass === "octaves" ? root * (1 + (eighth % 2)) : root;
      mix += 0.34 * bassEnvelope * voice(style.bassVoice, TWO_PI * bassHz * bassTime, bassTime);
    }

    if (style.pad) {
      const envelope = Math.min(1, barTime / 0.4) * Math.min(1, Math.max(0, barSeconds - barTime) / 0.4);
      mix += 0.1 * envelope * padChord(TWO_PI * root * t);
    }

    if (drums && drumsPlay(bar)) {
      let hit = 0;
      if (kicks[eighth]) {
        const sweep = TWO_PI * (45 * eighthTime + 3.3 * (1 - Math.exp(-35 * eighthTime)));
        hit += 0.55 * Math.sin(sweep) * Math.exp(-8 * eighthTime);
      }
      if (snares[eighth]) {
        const body = 0.6 * (2 * noise() - 1) + 0.4 * Math.sin(TWO_PI * 185 * eighthTime);
        hit += 0.22 * body * Math.exp(-20 * eighthTime);
      }
      if (hats[eighth]) hit += 0.14 * (2 * noise() - 1) * Math.exp(-style.hatDecay * eighthTime);
      mix += hit;
    }
    if (crackleChance > 0 && noise() < crackleChance) mix += 0.25 * (2 * noise() - 1);
    // Gentle saturation instead of hard clipping when parts pile up.
    return mix / Math.sqrt(1 + mix * mix);
  };
}

function bassTimeOf(style: BassStyle, barTime: number, eighthTime: number, beatTime: number): number {
  return style === "drone" ? barTime : style === "beats" ? beatTime : eighthTime;
}

function bassEnvelopeOf(
  style: BassStyle,
  time: number,
  eighth: number,
  lengths: { barSeconds: number; eighthSeconds: number; beatSeconds: number },
): number {
  switch (style) {
    case "drone":
      return Math.min(1, time / 0.8) * Math.min(1, Math.max(0, lengths.barSeconds - time) / 0.8);
    case "octaves":
      return (
        Math.exp(-5 * time) *
        Math.min(1, time / 0.004) *
        Math.min(1, Math.max(0, lengths.eighthSeconds - time) / 0.01)
      );
    case "offbeat":
      return eighth % 2 === 0
        ? 0
        : Math.exp(-7 * time) *
            Math.min(1, time / 0.003) *
            Math.min(1, Math.max(0, lengths.eighthSeconds - time) / 0.01);
    case "beats":
      return (
        Math.exp(-3 * time) *
        Math.min(1, time / 0.005) *
        Math.min(1, Math.max(0, lengths.beatSeconds - time) / 0.02)
      );
  }
}

/**
 * One sample of a voice at `phase`. Overtones come from sin and cos of the phase by the
 * multiple-angle identities, and decays from one exp by powers: a sample costs three
 * transcendental calls instead of a dozen.
 */
function voice(kind: Voice, phase: number, time: number): number {
  if (kind === "square") {
    // 25% pulse, the classic handheld-console lead.
    const cycle = phase / TWO_PI;
    return cycle - Math.floor(cycle) < 0.25 ? 0.5 : -0.5;
  }
  const s1 = Math.sin(phase);
  if (kind === "sine") return s1;
  if (kind === "fm") return Math.sin(phase + 1.8 * Math.exp(-5 * time) * s1);
  const c1 = Math.cos(phase);
  const s2 = 2 * s1 * c1;
  const c2 = 1 - 2 * s1 * s1;
  const s3 = s1 * (3 - 4 * s1 * s1);
  switch (kind) {
    case "warm":
      return s1 + 0.3 * s2 + 0.12 * s3;
    case "triangle": {
      const s5 = s3 * c2 + (c2 * c1 - s2 * s1) * s2; // sin(3x + 2x)
      return s1 - s3 / 9 + s5 / 25;
    }
    case "saw": {
      const s4 = 2 * s2 * c2;
      const s5 = s3 * c2 + (c2 * c1 - s2 * s1) * s2;
      return 0.6 * (s1 + s2 / 2 + s3 / 3 + s4 / 4 + s5 / 5);
    }
    case "pluck": {
      const e2 = Math.exp(-2 * time);
      const e4 = e2 * e2;
      const e8 = e4 * e4;
      const e14 = e8 * e4 * e2;
      return s1 + 0.6 * e8 * s2 + 0.3 * e14 * s3 + 0.15 * e14 * e8 * (2 * s2 * c2);
    }
  }
}

/** sin(2x), sin(3x), sin(4x) of the pad, from sin and cos of x. */
function padChord(phase: number): number {
  const s1 = Math.sin(phase);
  const c1 = Math.cos(phase);
  const s2 = 2 * s1 * c1;
  const c2 = 1 - 2 * s1 * s1;
  return s2 + 0.6 * s1 * (3 - 4 * s1 * s1) + 0.4 * 2 * s2 * c2;
}
