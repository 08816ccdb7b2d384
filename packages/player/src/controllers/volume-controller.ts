/**
 * What each slot outputs: the listener's volume and mute, the loudness normalisation of the track
 * the slot holds, and the slot's crossfade factor. Both slots are kept in step, since both are
 * audible during a crossfade.
 */
import type { TypedEmitter } from "../emitter";
import { PlayerEvent, type PlayerEventMap } from "../events";
import { clamp01, normalizationGainDb, outputLevels, type NormalizationInput } from "../normalization";
import type { MediaSlot } from "../slot";
import type { NormalizationMode } from "../types";

export interface VolumeSettings {
  volume: number;
  muted: boolean;
  normalization: NormalizationMode;
}

export class VolumeController {
  private settings: VolumeSettings;

  constructor(
    private readonly emitter: TypedEmitter<PlayerEventMap>,
    private readonly slots: () => { active: MediaSlot; others: readonly MediaSlot[] },
    settings: VolumeSettings,
    private readonly webAudio: boolean,
  ) {
    this.settings = { ...settings, volume: clamp01(settings.volume) };
  }

  get volume(): number {
    return this.settings.volume;
  }

  get muted(): boolean {
    return this.settings.muted;
  }

  get normalization(): NormalizationMode {
    return this.settings.normalization;
  }

  /** Normalisation gain (dB) of the track in the active slot. */
  get gainDb(): number {
    return this.gainOf(this.slots().active);
  }

  update(change: Partial<VolumeSettings>): void {
    this.settings = { ...this.settings, ...change, volume: clamp01(change.volume ?? this.settings.volume) };
    const { active, others } = this.slots();
    for (const slot of [active, ...others]) this.apply(slot);
    this.emitter.emit(PlayerEvent.VOLUME_CHANGED, { ...this.settings, gainDb: this.gainOf(active) });
  }

  /** The slot now holds this track: normalise it. */
  assign(slot: MediaSlot, loudness: NormalizationInput): void {
    slot.loudness = loudness;
    this.apply(slot);
  }

  setFade(slot: MediaSlot, fade: number): void {
    slot.fade = clamp01(fade);
    this.apply(slot);
  }

  apply(slot: MediaSlot): void {
    const { volume, muted } = this.settings;
    const { elementVolume, nodeGain } = outputLevels(volume, muted, this.gainOf(slot), this.webAudio);
    try {
      slot.setOutput(elementVolume * slot.fade, nodeGain);
    } catch (error) {
      this.emitter.emit(PlayerEvent.ERROR, {
        type: "other",
        details: "volumeFailed",
        fatal: false,
        action: "none",
        message: error instanceof Error ? error.message : String(error),
        error,
      });
    }
  }

  private gainOf(slot: MediaSlot): number {
    return slot.loudness ? normalizationGainDb(this.settings.normalization, slot.loudness) : 0;
  }
}
