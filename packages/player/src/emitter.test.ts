import { describe, expect, it, vi } from "vitest";
import { TypedEmitter } from "./emitter";

interface Events {
  tick: { n: number };
  name: string;
  error: { message: string; source: string };
}

function make(onUnhandled = vi.fn()) {
  const emitter = new TypedEmitter<Events, "error">({
    errorEvent: "error",
    toErrorPayload: (error, event) => ({
      message: error instanceof Error ? error.message : String(error),
      source: String(event),
    }),
    onUnhandled,
  });
  return { emitter, onUnhandled };
}

describe("TypedEmitter", () => {
  it("delivers typed payloads to listeners in subscription order", () => {
    const { emitter } = make();
    const seen: string[] = [];
    emitter.on("tick", ({ n }) => seen.push(`a${n}`));
    emitter.on("tick", ({ n }) => seen.push(`b${n}`));
    emitter.emit("tick", { n: 1 });
    expect(seen).toEqual(["a1", "b1"]);
  });

  it("unsubscribes via off() and via the returned function", () => {
    const { emitter } = make();
    const a = vi.fn();
    const b = vi.fn();
    emitter.on("name", a);
    const offB = emitter.on("name", b);
    emitter.off("name", a);
    offB();
    emitter.emit("name", "x");
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
    expect(emitter.listenerCount("name")).toBe(0);
  });

  it("once() fires a single time", () => {
    const { emitter } = make();
    const fn = vi.fn();
    emitter.once("name", fn);
    emitter.emit("name", "1");
    emitter.emit("name", "2");
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith("1");
  });

  it("turns a throwing listener into an error event and keeps notifying the others", () => {
    const { emitter } = make();
    const errors: Events["error"][] = [];
    const after = vi.fn();
    emitter.on("error", (e) => errors.push(e));
    emitter.on("tick", () => {
      throw new Error("ui bug");
    });
    emitter.on("tick", after);
    expect(() => emitter.emit("tick", { n: 1 })).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([{ message: "ui bug", source: "tick" }]);
  });

  it("does not loop when an error listener throws; reports it as unhandled", () => {
    const { emitter, onUnhandled } = make();
    emitter.on("error", () => {
      throw new Error("error handler bug");
    });
    emitter.on("tick", () => {
      throw new Error("first");
    });
    expect(() => emitter.emit("tick", { n: 1 })).not.toThrow();
    expect(onUnhandled).toHaveBeenCalledTimes(1);
  });

  it("tolerates listeners that unsubscribe during emit", () => {
    const { emitter } = make();
    const b = vi.fn();
    const offA = emitter.on("name", () => offA());
    emitter.on("name", b);
    emitter.emit("name", "x");
    emitter.emit("name", "y");
    expect(b).toHaveBeenCalledTimes(2);
    expect(emitter.listenerCount("name")).toBe(1);
  });

  it("removeAllListeners drops everything; emitting with no listeners is a no-op", () => {
    const { emitter } = make();
    const fn = vi.fn();
    emitter.on("name", fn);
    emitter.removeAllListeners();
    emitter.emit("name", "x");
    expect(fn).not.toHaveBeenCalled();
  });
});
