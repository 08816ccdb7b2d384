/**
 * Procedural music for the demo catalog: each track is one ffmpeg aevalsrc expression (lead,
 * bass, pad, drums) built from a seeded plan, so every genre has its own tempo, metre, scale,
 * timbre and groove, every track its own key and melody, and reruns are bit-identical.
 */

export const GENRES = ["Synthwave", "Techno", "Ambient", "Chiptune", "Folk", "Lo-fi"] as const;
export type Genre = (typeof GENRES)[number];

type Voice = "sine" | "warm" | "saw" | "square" | "triangle" | "pluck" | "fm";
type BassStyle = "drone" | "octaves" | "offbeat" | "beats";

interface Style {
  bpm: readonly [number, number];
  beatsPerBar: 3 | 4;
  /** Melody note length in beats. */
  step: number;
  scales: readonly (readonly number[])[];
  lead: Voice;
  attack: number;
  decay: number;
  arpeggio: boolean;
  restChance: number;
  bass: BassStyle;
  bassVoice: Voice;
  pad: boolean;
  /** Drum hits by eighth-note position within the bar. */
  kick: readonly number[];
  snare: readonly number[];
  hat: readonly number[];
  hatDecay: number;
  crackle: boolean;
  /** ffmpeg filters after the source: the genre's "room". */
  post: string;
  /** Lead tonic range in Hz. */
  tonic: readonly [number, number];
}

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];
const DORIAN = [0, 2, 3, 5, 7, 9, 10];
const MIXOLYDIAN = [0, 2, 4, 5, 7, 9, 10];
const LYDIAN = [0, 2, 4, 6, 7, 9, 11];
const PHRYGIAN = [0, 1, 3, 5, 7, 8, 10];

const STYLES: Record<Genre, Style> = {
  Synthwave: {
    bpm: [100, 118],
    beatsPerBar: 4,
    step: 0.5,
    scales: [MINOR, DORIAN],
    lead: "saw",
    attack: 0.01,
    decay: 2.5,
    arpeggio: false,
    restChance: 0.25,
    bass: "octaves",
    bassVoice: "saw",
    pad: true,
    kick: [0, 2, 4, 6],
    snare: [2, 6],
    hat: [1, 3, 5, 7],
    hatDecay: 45,
    crackle: false,
    post: "aecho=0.8:0.6:330:0.25",
    tonic: [196, 262],
  },
  Techno: {
    bpm: [122, 130],
    beatsPerBar: 4,
    step: 0.25,
    scales: [PHRYGIAN, MINOR],
    lead: "fm",
    attack: 0.003,
    decay: 9,
    arpeggio: false,
    restChance: 0.55,
    bass: "offbeat",
    bassVoice: "fm",
    pad: false,
    kick: [0, 2, 4, 6],
    snare: [2, 6],
    hat: [1, 3, 5, 7],
    hatDecay: 18,
    crackle: false,
    post: "highpass=f=30",
    tonic: [220, 294],
  },
  Ambient: {
    bpm: [60, 72],
    beatsPerBar: 4,
    step: 2,
    scales: [LYDIAN, MAJOR],
    lead: "sine",
    attack: 0.6,
    decay: 0.15,
    arpeggio: false,
    restChance: 0.2,
    bass: "drone",
    bassVoice: "warm",
    pad: true,
    kick: [],
    snare: [],
    hat: [],
    hatDecay: 60,
    crackle: false,
    post: "aecho=0.7:0.7:700|1100:0.35|0.25",
    tonic: [262, 392],
  },
  Chiptune: {
    bpm: [140, 160],
    beatsPerBar: 4,
    step: 0.25,
    scales: [MAJOR],
    lead: "square",
    attack: 0.002,
    decay: 3,
    arpeggio: true,
    restChance: 0,
    bass: "octaves",
    bassVoice: "triangle",
    pad: false,
    kick: [0, 4],
    snare: [2, 6],
    hat: [0, 1, 2, 3, 4, 5, 6, 7],
    hatDecay: 90,
    crackle: false,
    post: "anull",
    tonic: [330, 440],
  },
  Folk: {
    bpm: [92, 108],
    beatsPerBar: 3,
    step: 0.5,
    scales: [MAJOR, MIXOLYDIAN],
    lead: "pluck",
    attack: 0.002,
    decay: 3.5,
    arpeggio: true,
    restChance: 0.1,
    bass: "beats",
    bassVoice: "pluck",
    pad: false,
    kick: [],
    snare: [],
    hat: [1, 3, 5],
    hatDecay: 70,
    crackle: false,
    post: "aecho=0.85:0.5:60:0.2",
    tonic: [196, 294],
  },
  "Lo-fi": {
    bpm: [74, 88],
    beatsPerBar: 4,
    step: 0.5,
    scales: [DORIAN, MAJOR],
    lead: "warm",
    attack: 0.01,
    decay: 2,
    arpeggio: false,
    restChance: 0.35,
    bass: "beats",
    bassVoice: "sine",
    pad: true,
    kick: [0, 3, 5],
    snare: [2, 6],
    hat: [0, 1, 2, 3, 4, 5, 6, 7],
    hatDecay: 55,
    crackle: true,
    post: "lowpass=f=3800",
    tonic: [220, 330],
  },
};

const PROGRESSIONS = [
  [0, 5, 3, 4],
  [0, 3, 4, 3],
  [5, 3, 0, 4],
  [0, 4, 5, 3],
  [0, 6, 5, 4],
  [0, 2, 3, 4],
] as const;

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

export interface Song {
  genre: Genre;
  bpm: number;
  /** ffmpeg -filter_complex graph: aevalsrc, the genre's effects and fades; output [song]. */
  filter: string;
}

/** Builds the filter that synthesises one track. */
export function composeSong(genre: Genre, seed: number, durationSeconds: number, sampleRate: number): Song {
  const style = STYLES[genre];
  const random = prng(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

  const bpm = Math.round(style.bpm[0] + random() * (style.bpm[1] - style.bpm[0]));
  const bps = bpm / 60;
  const scale = pick(style.scales);
  const tonic = style.tonic[0] * 2 ** (Math.floor(random() * 12) / 12);
  const clampedTonic = tonic > style.tonic[1] ? tonic / 2 : tonic;
  const progression = pick(PROGRESSIONS);
  const freq = (degree: number, base: number): number => {
    const octave = Math.floor(degree / 7);
    const semitone = 12 * octave + (scale[((degree % 7) + 7) % 7] ?? 0);
    return base * 2 ** (semitone / 12);
  };

  // The melody: four bars over the progression, looped; chord tones on strong steps.
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

  const beatSeconds = 1 / bps;
  const stepSeconds = style.step * beatSeconds;
  const eighthSeconds = beatSeconds / 2;
  const barSeconds = style.beatsPerBar * beatSeconds;
  const eighths = style.beatsPerBar * 2;
  const n = (value: number): string => value.toFixed(6).replace(/\.?0+$/, "");

  // Variables: 0 beat position, 1 time in lead note, 2 lead Hz, 3 bar, 4 bass Hz,
  // 5 eighth in bar, 6 time in eighth, 7 mix, 8 noise state, 9 scratch.
  const setup = [
    `st(0,t*${n(bps)})`,
    `st(3,floor(ld(0)/${style.beatsPerBar}))`,
    `st(9,floor(ld(0)/${n(style.step)}))`,
    `st(1,(ld(0)-ld(9)*${n(style.step)})/${n(bps)})`,
    `st(9,mod(ld(9),${melody.length}))`,
    `st(2,${tree(melody.map(n), 0, melody.length)})`,
    `st(5,mod(floor(ld(0)*2),${eighths}))`,
    `st(6,(ld(0)*2-floor(ld(0)*2))/${n(2 * bps)})`,
    `st(9,mod(ld(3),4))`,
    `st(4,${tree(bassRoots.map(n), 0, 4)})`,
  ];

  // Every third pass of the loop the lead jumps an octave; bars 12-15 of 16 drop it entirely.
  const leadOctave = "(1+eq(mod(floor(ld(3)/4),3),2))";
  const leadGate = "lt(mod(ld(3),16),12)";
  const leadEnvelope =
    `min(1,ld(1)/${n(style.attack)})*exp(-${n(style.decay)}*ld(1))` +
    `*min(1,max(0,${n(stepSeconds)}-ld(1))/0.015)`;

  const bassTime: Record<BassStyle, string> = {
    drone: `((ld(0)-ld(3)*${style.beatsPerBar})/${n(bps)})`,
    octaves: "ld(6)",
    offbeat: "ld(6)",
    beats: `((ld(0)-floor(ld(0)))/${n(bps)})`,
  };
  const bassEnvelope: Record<BassStyle, string> = {
    drone: `min(1,${bassTime.drone}/0.8)*min(1,max(0,${n(barSeconds)}-${bassTime.drone})/0.8)`,
    octaves: `exp(-5*ld(6))*min(1,ld(6)/0.004)*min(1,max(0,${n(eighthSeconds)}-ld(6))/0.01)`,
    offbeat: `mod(ld(5),2)*exp(-7*ld(6))*min(1,ld(6)/0.003)*min(1,max(0,${n(eighthSeconds)}-ld(6))/0.01)`,
    beats:
      `exp(-3*${bassTime.beats})*min(1,${bassTime.beats}/0.005)` +
      `*min(1,max(0,${n(beatSeconds)}-${bassTime.beats})/0.02)`,
  };
  const bassHz = style.bass === "octaves" ? "ld(4)*(1+mod(ld(5),2))" : "ld(4)";
  const barTime = bassTime.drone;
  const padEnvelope = `min(1,${barTime}/0.4)*min(1,max(0,${n(barSeconds)}-${barTime})/0.4)`;

  const mask = (positions: readonly number[]): string =>
    positions.length === 0 ? "0" : `(${positions.map((p) => `eq(ld(5),${p})`).join("+")})`;
  const drumsGate = "gte(ld(3),2)";
  const kick = `${mask(style.kick)}*sin(2*PI*(45*ld(6)+3.3*(1-exp(-35*ld(6)))))*exp(-8*ld(6))`;
  const snare = `${mask(style.snare)}*(0.6*(2*random(8)-1)+0.4*sin(2*PI*185*ld(6)))*exp(-20*ld(6))`;
  const hat = `${mask(style.hat)}*(2*random(8)-1)*exp(-${style.hatDecay}*ld(6))`;

  const parts = [
    ...setup,
    `st(9,2*PI*ld(2)*${leadOctave}*ld(1))`,
    `st(7,0.34*${leadGate}*${leadEnvelope}*${voice(style.lead, "ld(9)", "ld(1)")})`,
    `st(9,2*PI*${bassHz}*${bassTime[style.bass]})`,
    `st(7,ld(7)+0.34*${bassEnvelope[style.bass]}*${voice(style.bassVoice, "ld(9)", bassTime[style.bass])})`,
  ];
  if (style.pad) {
    parts.push(
      `st(7,ld(7)+0.1*${padEnvelope}*(sin(4*PI*ld(4)*t)+0.6*sin(6*PI*ld(4)*t)+0.4*sin(8*PI*ld(4)*t)))`,
    );
  }
  if (style.kick.length + style.snare.length + style.hat.length > 0) {
    parts.push(`st(7,ld(7)+${drumsGate}*(0.55*${kick}+0.22*${snare}+0.14*${hat}))`);
  }
  if (style.crackle) parts.push("st(7,ld(7)+0.25*gt(random(8),0.9994)*(2*random(8)-1))");
  // Gentle saturation instead of hard clipping when parts pile up.
  parts.push("ld(7)/sqrt(1+ld(7)*ld(7))");

  // Synthesised once in mono (the expression is the expensive part), then widened with a
  // 12 ms Haas delay on the right channel.
  const fadeOut = Math.min(3, durationSeconds / 4);
  const filter =
    `aevalsrc=exprs='${parts.join(";")}':s=${sampleRate}:d=${n(durationSeconds)}:c=mono,` +
    `asplit=2[left][late];[late]adelay=12[right];` +
    `[left][right]join=inputs=2:channel_layout=stereo,${style.post},afade=t=in:d=0.02,` +
    `afade=t=out:st=${n(durationSeconds - fadeOut)}:d=${n(fadeOut)},` +
    `atrim=duration=${n(durationSeconds)}[song]`;
  return { genre, bpm, filter };
}

function voice(kind: Voice, phase: string, time: string): string {
  switch (kind) {
    case "sine":
      return `sin(${phase})`;
    case "warm":
      return `(sin(${phase})+0.3*sin(2*${phase})+0.12*sin(3*${phase}))`;
    case "saw":
      return `0.6*(sin(${phase})+sin(2*${phase})/2+sin(3*${phase})/3+sin(4*${phase})/4+sin(5*${phase})/5)`;
    case "square":
      // 25% pulse, the classic handheld-console lead.
      return `0.5*(2*lt(mod(${phase}/(2*PI),1),0.25)-1)`;
    case "triangle":
      return `(sin(${phase})-sin(3*${phase})/9+sin(5*${phase})/25)`;
    case "pluck":
      return (
        `(sin(${phase})+0.6*exp(-8*${time})*sin(2*${phase})` +
        `+0.3*exp(-14*${time})*sin(3*${phase})+0.15*exp(-22*${time})*sin(4*${phase}))`
      );
    case "fm":
      return `sin(${phase}+1.8*exp(-5*${time})*sin(${phase}))`;
  }
}

/** A balanced if-tree over the loop index in var 9: log2(n) comparisons per sample. */
function tree(values: readonly string[], lo: number, hi: number): string {
  if (hi - lo <= 1) return values[lo] ?? "0";
  const mid = Math.floor((lo + hi) / 2);
  return `if(lt(ld(9),${mid}),${tree(values, lo, mid)},${tree(values, mid, hi)})`;
}
