import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  decideRecovery,
  DEFAULT_RECOVERY_POLICY,
  INITIAL_RECOVERY_STATE,
  recoveryAfterProgress,
  type PlayerErrorData,
  type RecoveryAction,
  type RecoveryState,
} from "./error-policy";

const err = (over: Partial<PlayerErrorData>): PlayerErrorData => ({
  type: "network",
  details: "fragLoadError",
  fatal: true,
  ...over,
});

/** Feeds the same error repeatedly, threading state, and returns the action kinds. */
function sequence(error: PlayerErrorData, times: number, hasNext = true): RecoveryAction[] {
  let state: RecoveryState = INITIAL_RECOVERY_STATE;
  const actions: RecoveryAction[] = [];
  for (let i = 0; i < times; i++) {
    const r = decideRecovery(error, state, { hasNext });
    actions.push(r.action);
    state = r.state;
  }
  return actions;
}

describe("decideRecovery", () => {
  it("ignores non-fatal and listener errors", () => {
    const s = INITIAL_RECOVERY_STATE;
    expect(decideRecovery(err({ fatal: false }), s, { hasNext: true }).action).toEqual({ kind: "none" });
    expect(decideRecovery(err({ type: "listener", fatal: true }), s, { hasNext: true }).action).toEqual({
      kind: "none",
    });
  });

  it("retries fatal network errors with exponential backoff, then skips", () => {
    const actions = sequence(err({}), 4);
    expect(actions).toEqual([
      { kind: "retry", attempt: 1, delayMs: 500 },
      { kind: "retry", attempt: 2, delayMs: 1000 },
      { kind: "retry", attempt: 3, delayMs: 2000 },
      { kind: "skip" },
    ]);
  });

  it("gives up instead of skipping when there is no next track", () => {
    expect(sequence(err({}), 4, false).at(-1)).toEqual({ kind: "stop" });
  });

  it("refreshes the signed source once on 401/403/410, then falls back to retries", () => {
    const actions = sequence(err({ details: "keyLoadError", httpStatus: 403 }), 2);
    expect(actions[0]).toEqual({ kind: "refreshSource" });
    expect(actions[1]?.kind).toBe("retry");
  });

  it("retries a failed resolveSource like a network error", () => {
    expect(sequence(err({ type: "source", details: "resolveSourceFailed" }), 1)[0]?.kind).toBe("retry");
  });

  it("recovers media errors, then swaps codec, then skips", () => {
    expect(sequence(err({ type: "media", details: "bufferAppendError" }), 3)).toEqual([
      { kind: "recoverMedia", swapAudioCodec: false },
      { kind: "recoverMedia", swapAudioCodec: true },
      { kind: "skip" },
    ]);
  });

  it("skips on key-system, mux and other fatal errors", () => {
    for (const type of ["keySystem", "mux", "other"] as const) {
      expect(sequence(err({ type }), 1)[0]).toEqual({ kind: "skip" });
    }
  });

  it("stops (waits for the user) when play() is refused", () => {
    expect(sequence(err({ type: "playback", details: "autoplayBlocked" }), 1)[0]).toEqual({
      kind: "stop",
    });
  });

  it("stops after too many consecutive skips (e.g. offline)", () => {
    let state: RecoveryState = INITIAL_RECOVERY_STATE;
    const kinds: string[] = [];
    for (let i = 0; i < DEFAULT_RECOVERY_POLICY.maxConsecutiveSkips + 1; i++) {
      const r = decideRecovery(err({ type: "other" }), state, { hasNext: true });
      kinds.push(r.action.kind);
      state = r.state;
    }
    expect(kinds).toEqual(["skip", "skip", "skip", "stop"]);
  });

  it("a skip gives the next track fresh retry counters", () => {
    let state: RecoveryState = INITIAL_RECOVERY_STATE;
    for (let i = 0; i < 4; i++) state = decideRecovery(err({}), state, { hasNext: true }).state;
    expect(state).toEqual({ ...INITIAL_RECOVERY_STATE, consecutiveSkips: 1 });
  });

  it("respects a custom policy", () => {
    const policy = { ...DEFAULT_RECOVERY_POLICY, maxNetworkRetries: 0 };
    expect(decideRecovery(err({}), INITIAL_RECOVERY_STATE, { hasNext: true }, policy).action).toEqual({
      kind: "skip",
    });
  });

  it("progress resets the counters", () => {
    const dirty: RecoveryState = {
      networkRetries: 2,
      sourceRefreshes: 1,
      mediaRecoveries: 1,
      consecutiveSkips: 2,
    };
    expect(recoveryAfterProgress(dirty)).toEqual(INITIAL_RECOVERY_STATE);
    expect(recoveryAfterProgress(INITIAL_RECOVERY_STATE)).toBe(INITIAL_RECOVERY_STATE);
  });
});

describe("backoffDelay", () => {
  it("doubles and caps", () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, 500, 4000))).toEqual([500, 1000, 2000, 4000, 4000]);
  });
});
