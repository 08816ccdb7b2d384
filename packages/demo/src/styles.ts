/**
 * The demo catalog's genres as musical styles: tempo, metre, scales, timbre, groove and room.
 * What a genre sounds like lives here; synth.ts plays it.
 */

export const GENRES = ["Synthwave", "Techno", "Ambient", "Chiptune", "Folk", "Lo-fi"] as const;
export type Genre = (typeof GENRES)[number];

export type Voice = "sine" | "warm" | "saw" | "square" | "triangle" | "pluck" | "fm";
export type BassStyle = "drone" | "octaves" | "offbeat" | "beats";

/** Effects after the mix, as ffmpeg's aecho, highpass and lowpass would apply them. */
export interface Room {
  /** Input taps: [delay ms, gain] added to the dry signal, the sum scaled by outGain. */
  echo?: { inGain: number; outGain: number; taps: readonly (readonly [number, number])[] };
  highpassHz?: number;
  lowpassHz?: number;
}

export interface Style {
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
  /** The genre's "room": effects after the mix. */
  room: Room;
  /** Lead tonic range in Hz. */
  tonic: readonly [number, number];
}

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];
const DORIAN = [0, 2, 3, 5, 7, 9, 10];
const MIXOLYDIAN = [0, 2, 4, 5, 7, 9, 10];
const LYDIAN = [0, 2, 4, 6, 7, 9, 11];
const PHRYGIAN = [0, 1, 3, 5, 7, 8, 10];

export const STYLES: Record<Genre, Style> = {
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
    room: { echo: { inGain: 0.8, outGain: 0.6, taps: [[330, 0.25]] } },
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
    room: { highpassHz: 30 },
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
    room: {
      echo: {
        inGain: 0.7,
        outGain: 0.7,
        taps: [
          [700, 0.35],
          [1100, 0.25],
        ],
      },
    },
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
    room: {},
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
    room: { echo: { inGain: 0.85, outGain: 0.5, taps: [[60, 0.2]] } },
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
    room: { lowpassHz: 3800 },
    tonic: [220, 330],
  },
};

export const PROGRESSIONS = [
  [0, 5, 3, 4],
  [0, 3, 4, 3],
  [5, 3, 0, 4],
  [0, 4, 5, 3],
  [0, 6, 5, 4],
  [0, 2, 3, 4],
] as const;
