import { describe, expect, it } from "vitest";
import { Queue } from "./queue";
import { seededRandom } from "./shuffle";
import type { Track } from "./types";

function track(id: string): Track {
  return {
    id,
    title: `Track ${id}`,
    artists: [{ id: "ar", name: "Artist" }],
    album: { id: "al", title: "Album" },
    durationMs: 180_000,
  };
}

const tracks = (...ids: string[]): Track[] => ids.map(track);
const ids = (q: Queue): string[] => q.getState().items.map((i) => i.track.id);
const currentId = (q: Queue): string | undefined => q.current?.track.id;

function queueOf(idsList: string[], start = 0, seed = 1): Queue {
  const q = new Queue({ random: seededRandom(seed) });
  q.setTracks(tracks(...idsList), start);
  return q;
}

describe("Queue basics", () => {
  it("starts empty", () => {
    const q = new Queue();
    expect(q.getState()).toEqual({ items: [], currentIndex: -1, shuffled: false, repeat: "off" });
    expect(q.current).toBeNull();
    expect(q.next()).toBeNull();
    expect(q.previous(0)).toEqual({ kind: "none" });
  });

  it("play now: replaces the queue and starts at the given index (clamped)", () => {
    const q = queueOf(["a", "b", "c"], 1);
    expect(currentId(q)).toBe("b");
    q.setTracks(tracks("x", "y"), 9);
    expect(ids(q)).toEqual(["x", "y"]);
    expect(currentId(q)).toBe("y");
    q.setTracks([], 0);
    expect(q.getState().currentIndex).toBe(-1);
  });

  it("gives every item a distinct uid, even for the same track", () => {
    const q = queueOf(["a", "a"]);
    const [first, second] = q.getState().items;
    expect(first?.uid).not.toBe(second?.uid);
  });

  it("getState returns a snapshot", () => {
    const q = queueOf(["a", "b"]);
    const snapshot = q.getState();
    q.add(tracks("c"));
    expect(snapshot.items).toHaveLength(2);
  });

  it("play next inserts after the current track, in order", () => {
    const q = queueOf(["a", "b", "c"], 1);
    q.playNext(tracks("x", "y"));
    expect(ids(q)).toEqual(["a", "b", "x", "y", "c"]);
    expect(currentId(q)).toBe("b");
  });

  it("add to queue appends; on an empty queue the first item becomes current", () => {
    const q = new Queue();
    q.add(tracks("a", "b"));
    expect(currentId(q)).toBe("a");
    q.add(tracks("c"));
    expect(ids(q)).toEqual(["a", "b", "c"]);
    const p = new Queue();
    p.playNext(tracks("z"));
    expect(currentId(p)).toBe("z");
  });
});

describe("next / repeat", () => {
  it("advances and returns null at the end with repeat off (position kept)", () => {
    const q = queueOf(["a", "b"]);
    expect(q.next()?.track.id).toBe("b");
    expect(q.next()).toBeNull();
    expect(currentId(q)).toBe("b");
  });

  it("repeat all wraps to the start", () => {
    const q = queueOf(["a", "b"], 1);
    q.setRepeat("all");
    expect(q.peekNext()?.track.id).toBe("a");
    expect(q.next({ auto: true })?.track.id).toBe("a");
  });

  it("repeat one replays on auto-advance but an explicit next moves on", () => {
    const q = queueOf(["a", "b"]);
    q.setRepeat("one");
    expect(q.peekNext(true)?.track.id).toBe("a");
    expect(q.next({ auto: true })?.track.id).toBe("a");
    expect(q.next()?.track.id).toBe("b");
    // End of queue with repeat-one: explicit next has nowhere to go.
    expect(q.next()).toBeNull();
  });

  it("peekNext does not move", () => {
    const q = queueOf(["a", "b"]);
    expect(q.peekNext()?.track.id).toBe("b");
    expect(currentId(q)).toBe("a");
  });
});

describe("previous", () => {
  it("restarts the current track after more than 3 s", () => {
    const q = queueOf(["a", "b"], 1);
    const r = q.previous(3001);
    expect(r.kind).toBe("restart");
    expect(currentId(q)).toBe("b");
  });

  it("goes to the previous track within the first 3 s (boundary inclusive)", () => {
    const q = queueOf(["a", "b"], 1);
    const r = q.previous(3000);
    expect(r.kind).toBe("track");
    expect(r.kind !== "none" && r.item.track.id).toBe("a");
    expect(currentId(q)).toBe("a");
  });

  it("restarts at the start of the queue unless repeat all wraps", () => {
    const q = queueOf(["a", "b", "c"]);
    expect(q.previous(500).kind).toBe("restart");
    expect(currentId(q)).toBe("a");
    q.setRepeat("all");
    const r = q.previous(500);
    expect(r.kind).toBe("track");
    expect(currentId(q)).toBe("c");
  });

  it("honours a custom threshold", () => {
    const q = queueOf(["a", "b"], 1);
    expect(q.previous(1500, 1000).kind).toBe("restart");
  });
});

describe("shuffle", () => {
  const many = ["a", "b", "c", "d", "e", "f", "g", "h"];

  it("keeps the current track first and contains every item exactly once", () => {
    const q = queueOf(many, 3);
    q.setShuffle(true);
    const state = q.getState();
    expect(state.shuffled).toBe(true);
    expect(state.currentIndex).toBe(0);
    expect(currentId(q)).toBe("d");
    expect([...ids(q)].sort()).toEqual(many);
    expect(ids(q)).not.toEqual(many);
  });

  it("unshuffle restores the original order and keeps the current track", () => {
    const q = queueOf(many, 3);
    const before = ids(q);
    q.setShuffle(true);
    q.next();
    q.next();
    const now = currentId(q);
    q.setShuffle(false);
    expect(ids(q)).toEqual(before);
    expect(currentId(q)).toBe(now);
    expect(q.getState().currentIndex).toBe(before.indexOf(now ?? ""));
  });

  it("is deterministic with a seeded random source", () => {
    const a = queueOf(many, 0, 42);
    const b = queueOf(many, 0, 42);
    a.setShuffle(true);
    b.setShuffle(true);
    expect(ids(a)).toEqual(ids(b));
  });

  it("items added while shuffled survive unshuffle in sensible places", () => {
    const q = queueOf(["a", "b", "c", "d"], 1);
    q.setShuffle(true);
    q.playNext(tracks("n"));
    q.add(tracks("z"));
    expect(ids(q)[1]).toBe("n");
    expect(ids(q).at(-1)).toBe("z");
    q.setShuffle(false);
    expect(ids(q)).toEqual(["a", "b", "n", "c", "d", "z"]);
    expect(currentId(q)).toBe("b");
  });

  it("items removed while shuffled stay removed after unshuffle", () => {
    const q = queueOf(["a", "b", "c", "d"]);
    q.setShuffle(true);
    const victim = q.getState().items.find((i) => i.track.id === "c");
    q.remove(victim?.uid ?? "");
    q.setShuffle(false);
    expect(ids(q)).toEqual(["a", "b", "d"]);
  });

  it("play now while shuffled shuffles the new list with the chosen track first", () => {
    const q = queueOf(["a"]);
    q.setShuffle(true);
    q.setTracks(tracks(...many), 5);
    expect(currentId(q)).toBe("f");
    expect(q.getState().currentIndex).toBe(0);
    q.setShuffle(false);
    expect(ids(q)).toEqual(many);
    expect(currentId(q)).toBe("f");
  });

  it("setting the same shuffle state twice is a no-op", () => {
    const q = queueOf(many, 2);
    q.setShuffle(true);
    const once = ids(q);
    q.setShuffle(true);
    expect(ids(q)).toEqual(once);
  });
});

describe("remove / move / clear / jump", () => {
  it("removing before the current keeps the same current item", () => {
    const q = queueOf(["a", "b", "c"], 2);
    const a = q.getState().items[0];
    expect(q.remove(a?.uid ?? "")).toEqual({ removed: true, currentChanged: false });
    expect(currentId(q)).toBe("c");
    expect(q.getState().currentIndex).toBe(1);
  });

  it("removing the current makes the following item current", () => {
    const q = queueOf(["a", "b", "c"], 1);
    const b = q.current;
    expect(q.remove(b?.uid ?? "")).toEqual({ removed: true, currentChanged: true });
    expect(currentId(q)).toBe("c");
  });

  it("removing the last current item falls back to the new last (or wraps with repeat all)", () => {
    const q = queueOf(["a", "b", "c"], 2);
    q.remove(q.current?.uid ?? "");
    expect(currentId(q)).toBe("b");
    const r = queueOf(["a", "b", "c"], 2);
    r.setRepeat("all");
    r.remove(r.current?.uid ?? "");
    expect(currentId(r)).toBe("a");
  });

  it("removing the only item empties the queue; unknown uids are ignored", () => {
    const q = queueOf(["a"]);
    expect(q.remove("nope")).toEqual({ removed: false, currentChanged: false });
    q.remove(q.current?.uid ?? "");
    expect(q.getState().currentIndex).toBe(-1);
  });

  it("move keeps the current item current", () => {
    const q = queueOf(["a", "b", "c", "d"], 1);
    expect(q.move(3, 0)).toBe(true);
    expect(ids(q)).toEqual(["d", "a", "b", "c"]);
    expect(currentId(q)).toBe("b");
    expect(q.getState().currentIndex).toBe(2);
    q.move(2, 3); // move the current item itself
    expect(ids(q)).toEqual(["d", "a", "c", "b"]);
    expect(q.getState().currentIndex).toBe(3);
    expect(q.move(9, 0)).toBe(false);
    expect(q.move(1, 1)).toBe(false);
  });

  it("clear empties everything; clearUpcoming keeps history and current", () => {
    const q = queueOf(["a", "b", "c", "d"], 1);
    q.clearUpcoming();
    expect(ids(q)).toEqual(["a", "b"]);
    expect(currentId(q)).toBe("b");
    q.clear();
    expect(q.getState()).toMatchObject({ items: [], currentIndex: -1 });
  });

  it("clearUpcoming while shuffled also drops those items from the original order", () => {
    const q = queueOf(["a", "b", "c", "d"], 0);
    q.setShuffle(true);
    q.next();
    const kept = ids(q).slice(0, 2);
    q.clearUpcoming();
    q.setShuffle(false);
    expect([...ids(q)].sort()).toEqual([...kept].sort());
  });

  it("jumpTo selects an index and rejects out-of-range ones", () => {
    const q = queueOf(["a", "b", "c"]);
    expect(q.jumpTo(2)?.track.id).toBe("c");
    expect(q.jumpTo(3)).toBeNull();
    expect(currentId(q)).toBe("c");
  });
});
