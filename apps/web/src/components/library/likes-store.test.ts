import { describe, expect, it } from "vitest";

import { LikesStore } from "./likes-store";

/** The server's side of the store, answered by hand, in any order. */
function server() {
  const calls: { trackId: string; liked: boolean; settle: (ok: boolean) => void }[] = [];
  const events: string[] = [];
  const store = new LikesStore({
    send: (trackId, liked) =>
      new Promise((resolve, reject) =>
        calls.push({
          trackId,
          liked,
          settle: (ok) => (ok ? resolve({ liked }) : reject(new Error("refused"))),
        }),
      ),
    onSaved: () => events.push("saved"),
    onFailed: (liked) => events.push(`failed ${liked}`),
  });
  return { store, calls, events };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the likes store", () => {
  it("takes the server's word for tracks it does not know, and keeps its own for those it does", () => {
    const { store } = server();
    store.seed([{ id: "a", liked: true }]);
    expect(store.get("a")).toBe(true);
    expect(store.get("b")).toBeUndefined();
    void store.toggle("a", true);
    // An older list saying "liked" does not undo this tab's change.
    store.seed([{ id: "a", liked: true }]);
    expect(store.get("a")).toBe(false);
  });

  it("shows a toggle at once and tells every subscriber", async () => {
    const { store, calls, events } = server();
    let heard = 0;
    const stop = store.subscribe(() => (heard += 1));
    const done = store.toggle("a", false);
    expect(store.get("a")).toBe(true);
    expect(heard).toBe(1);
    calls[0]?.settle(true);
    await done;
    expect(store.get("a")).toBe(true);
    expect(events).toEqual(["saved"]);
    stop();
  });

  it("rolls back a refused toggle and says so", async () => {
    const { store, calls, events } = server();
    store.seed([{ id: "a", liked: true }]);
    const done = store.toggle("a", true);
    expect(store.get("a")).toBe(false);
    calls[0]?.settle(false);
    await done;
    expect(store.get("a")).toBe(true);
    expect(events).toEqual(["failed false"]);
  });

  it("never lets a late answer to an older toggle undo a newer one", async () => {
    const { store, calls, events } = server();
    const first = store.toggle("a", false);
    const second = store.toggle("a", true);
    expect(calls.map((c) => c.liked)).toEqual([true, false]);
    calls[1]?.settle(true);
    await second;
    calls[0]?.settle(false);
    await first;
    await settled();
    expect(store.get("a")).toBe(false);
    expect(events).toEqual(["saved"]);
  });
});
