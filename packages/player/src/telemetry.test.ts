import { describe, expect, it, vi } from "vitest";
import {
  ListenTracker,
  TelemetryBatcher,
  type FlushContext,
  type Scheduler,
  type TelemetryEvent,
} from "./telemetry";

/** Manual clock: timers fire only when advanced. */
class FakeScheduler implements Scheduler {
  now = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.timers]) {
      if (t.at <= this.now) {
        this.timers.delete(id);
        t.fn();
      }
    }
  }
}

function event(n: number): TelemetryEvent {
  return {
    type: "progress",
    listenedMs: 15_000,
    trackId: `t${n}`,
    timestamp: n,
    positionMs: n * 1000,
    sessionId: "s",
    playbackId: "p",
  };
}

function setup(options: { maxEvents?: number; flushIntervalMs?: number; maxBuffered?: number } = {}) {
  const scheduler = new FakeScheduler();
  const batches: { events: TelemetryEvent[]; context: FlushContext }[] = [];
  let fail = false;
  const send = vi.fn((events: TelemetryEvent[], context: FlushContext) => {
    if (fail) return Promise.reject(new Error("offline"));
    batches.push({ events, context });
    return Promise.resolve();
  });
  const batcher = new TelemetryBatcher({
    send,
    scheduler,
    maxEvents: options.maxEvents ?? 3,
    flushIntervalMs: options.flushIntervalMs ?? 10_000,
    maxBuffered: options.maxBuffered,
  });
  return {
    scheduler,
    batches,
    send,
    batcher,
    setFail: (v: boolean) => {
      fail = v;
    },
  };
}

describe("TelemetryBatcher", () => {
  it("flushes as soon as maxEvents are buffered", () => {
    const { batcher, batches, scheduler } = setup({ maxEvents: 3 });
    batcher.push(event(1));
    batcher.push(event(2));
    expect(batches).toHaveLength(0);
    batcher.push(event(3));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.events.map((e) => e.trackId)).toEqual(["t1", "t2", "t3"]);
    expect(batches[0]?.context).toEqual({ reason: "size", unloading: false });
    expect(batcher.size).toBe(0);
    expect(scheduler.pending).toBe(0);
  });

  it("flushes on the interval measured from the first buffered event", () => {
    const { batcher, batches, scheduler } = setup({ flushIntervalMs: 10_000 });
    batcher.push(event(1));
    scheduler.advance(6_000);
    batcher.push(event(2)); // does not restart the timer
    scheduler.advance(3_999);
    expect(batches).toHaveLength(0);
    scheduler.advance(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.context.reason).toBe("interval");
    expect(batches[0]?.events).toHaveLength(2);
  });

  it("does not arm a timer while idle", () => {
    const { scheduler, batcher, send } = setup();
    expect(scheduler.pending).toBe(0);
    void batcher.flush();
    expect(send).not.toHaveBeenCalled();
  });

  it("marks page-exit flushes as unloading", async () => {
    const { batcher, batches } = setup();
    batcher.push(event(1));
    await batcher.flush("pagehide");
    batcher.push(event(2));
    await batcher.flush("hidden");
    batcher.push(event(3));
    await batcher.flush("manual");
    expect(batches.map((b) => b.context)).toEqual([
      { reason: "pagehide", unloading: true },
      { reason: "hidden", unloading: true },
      { reason: "manual", unloading: false },
    ]);
  });

  it("re-queues a failed batch in front of newer events and retries on the next flush", async () => {
    const { batcher, batches, setFail, scheduler } = setup({ maxEvents: 10 });
    batcher.push(event(1));
    batcher.push(event(2));
    setFail(true);
    await batcher.flush("manual");
    expect(batcher.size).toBe(2);
    expect(scheduler.pending).toBe(1); // retry armed
    batcher.push(event(3));
    setFail(false);
    await batcher.flush("manual");
    expect(batches[0]?.events.map((e) => e.trackId)).toEqual(["t1", "t2", "t3"]);
  });

  it("treats a synchronously throwing send like a rejection", async () => {
    const batcher = new TelemetryBatcher({
      send: () => {
        throw new Error("boom");
      },
      scheduler: new FakeScheduler(),
      maxEvents: 10,
    });
    batcher.push(event(1));
    await batcher.flush();
    expect(batcher.size).toBe(1);
  });

  it("drops a failed batch when unloading (nothing would retry it)", async () => {
    const { batcher, setFail } = setup({ maxEvents: 10 });
    batcher.push(event(1));
    setFail(true);
    await batcher.flush("pagehide");
    expect(batcher.size).toBe(0);
  });

  it("caps the buffer by dropping the oldest events", async () => {
    const { batcher, setFail, batches } = setup({ maxEvents: 2, maxBuffered: 3 });
    setFail(true);
    for (let i = 1; i <= 6; i++) {
      batcher.push(event(i));
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(batcher.size).toBeLessThanOrEqual(3);
    setFail(false);
    await batcher.flush();
    expect(batches.at(-1)?.events.at(-1)?.trackId).toBe("t6");
  });

  it("dispose cancels the timer and drops the buffer", () => {
    const { batcher, scheduler, send } = setup();
    batcher.push(event(1));
    batcher.dispose();
    scheduler.advance(60_000);
    expect(send).not.toHaveBeenCalled();
  });
});

describe("ListenTracker", () => {
  function feed(tracker: ListenTracker, from: number, to: number, step = 250): number[] {
    const reports: number[] = [];
    for (let p = from; p <= to; p += step) {
      const r = tracker.update(p);
      if (r !== null) reports.push(r);
    }
    return reports;
  }

  it("reports every interval of continuous listening", () => {
    const t = new ListenTracker(15_000);
    t.reset(0);
    const reports = feed(t, 0, 45_000);
    expect(reports).toEqual([15_000, 15_000, 15_000]);
    expect(t.listenedMs).toBe(45_000);
  });

  it("does not count seeks (jumps) or backwards moves", () => {
    const t = new ListenTracker(15_000, 2_000);
    t.reset(0);
    feed(t, 0, 10_000);
    t.update(100_000); // seek forward
    t.update(5_000); // seek back
    expect(t.listenedMs).toBe(10_000);
    const reports = feed(t, 5_250, 10_000);
    expect(reports).toEqual([15_000]);
  });

  it("seek() re-anchors without counting", () => {
    const t = new ListenTracker(15_000, 60_000);
    t.reset(0);
    t.update(1_000);
    t.seek(50_000);
    t.update(50_500);
    expect(t.listenedMs).toBe(1_500);
  });

  it("first update after reset(null) only anchors", () => {
    const t = new ListenTracker();
    t.reset();
    expect(t.update(30_000)).toBeNull();
    expect(t.listenedMs).toBe(0);
  });
});
