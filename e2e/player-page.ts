/**
 * What the player's end-to-end specs install in the page before the app loads: a list of the
 * <audio> elements the player makes, a React DevTools hook that counts which components render
 * on each commit, and the in-page samplers of packages/player/test. Nothing here changes the app.
 */
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { Page } from "@playwright/test";
import { test as base, expect, request } from "@playwright/test";

import type { ElementSample } from "@cadence/player/timeline";
import type { Recording } from "@cadence/player/output-recorder";
import { recordOutput, routeToRecorder } from "@cadence/player/output-recorder";
import { sampleElements } from "@cadence/player/timeline";
import { signInThroughUi, strongPassword, trpcMutation, uniqueEmail } from "./helpers";

export interface RenderCounts {
  /** Commits in which the track list (or anything inside it) rendered. */
  trackList: number;
  /** Commits in which the now-playing bar's progress rendered. */
  progress: number;
  commits: number;
}

interface PageWindow {
  __audio: HTMLAudioElement[];
  __renders: RenderCounts;
  __sampleElements: typeof sampleElements;
  __routeToRecorder: typeof routeToRecorder;
  __recordOutput: typeof recordOutput;
  cadencePlayer?: {
    on(event: string, listener: (payload: { trackId: string }) => void): () => void;
    duration: number;
    currentTime: number;
    status: string;
    volume: number;
    crossfade: number;
    gapless: boolean;
    mediaElement: HTMLAudioElement;
    queue: { items: { track: { id: string; title: string } }[]; currentIndex: number; shuffled: boolean };
    currentTrack: { id: string; title: string } | null;
  };
  __preloaded: string[];
}

/** Runs in the page before any script: collects audio elements and counts React renders. */
function instrument(): void {
  const w = window as unknown as PageWindow;
  w.__audio = [];
  const create = Document.prototype.createElement.bind(document);
  document.createElement = (tag: string, options?: ElementCreationOptions) => {
    const el = create(tag, options);
    if (el instanceof HTMLAudioElement) w.__audio.push(el);
    return el;
  };

  // React reports every commit to the DevTools hook, production builds included. A function
  // component rendered in a commit when its fiber is new to the tree (React cloned it) and
  // carries the PerformedWork flag; a fiber React skipped is the same object as last commit.
  interface Fiber {
    tag: number;
    flags: number;
    type: unknown;
    memoizedProps: Record<string, unknown> | null;
    child: Fiber | null;
    sibling: Fiber | null;
    return: Fiber | null;
  }
  const PERFORMED_WORK = 1;
  const isComponent = (f: Fiber) => f.tag === 0 || f.tag === 11 || f.tag === 14 || f.tag === 15;
  let previous = new WeakSet<Fiber>();
  w.__renders = { trackList: 0, progress: 0, commits: 0 };
  const ownerOf = (f: Fiber) => {
    let at = f.return;
    while (at && !isComponent(at)) at = at.return;
    return at;
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map<number, unknown>(),
    supportsFiber: true,
    isDisabled: false,
    inject(this: { renderers: Map<number, unknown> }, renderer: unknown) {
      this.renderers.set(this.renderers.size + 1, renderer);
      return this.renderers.size;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    setStrictMode() {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      const seen = new WeakSet<Fiber>();
      const rendered = (f: Fiber | null) => !!f && !previous.has(f) && (f.flags & PERFORMED_WORK) !== 0;
      let trackList = false;
      let progress = false;
      const inside = (f: Fiber | null): boolean => {
        for (let at = f; at; at = at.sibling) {
          if (isComponent(at) && rendered(at)) return true;
          if (inside(at.child)) return true;
        }
        return false;
      };
      const stack: Fiber[] = [root.current];
      while (stack.length > 0) {
        const f = stack.pop();
        if (!f) continue;
        seen.add(f);
        const props = f.memoizedProps;
        const className = typeof props?.className === "string" ? props.className : "";
        if (f.type === "table" && className.split(" ").includes("track-list")) {
          if (rendered(ownerOf(f)) || inside(f.child)) trackList = true;
        }
        if (f.type === "input" && props?.["aria-label"] === "Seek" && rendered(ownerOf(f))) progress = true;
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
      previous = seen;
      w.__renders.commits++;
      if (trackList) w.__renders.trackList++;
      if (progress) w.__renders.progress++;
    },
  };
}

/**
 * The specs' `test`: every test runs signed in as one new listener per worker (each test needs
 * only its own page).
 */
export const test = base.extend<object, { listenerState: string }>({
  listenerState: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      const page = await browser.newPage({ baseURL });
      await signUpListener(page, baseURL);
      const file = path.join(os.tmpdir(), `cadence-e2e-listener-${randomBytes(6).toString("hex")}.json`);
      await page.context().storageState({ path: file });
      await page.close();
      await use(file);
      await rm(file, { force: true });
    },
    { scope: "worker" },
  ],
  storageState: ({ listenerState }, use) => use(listenerState),
});

/**
 * Signs a new listener up and in. The account is made over HTTP from 127.0.0.1, the browser
 * signs in from ::1 (localhost): sign-ups are limited to ten an hour per address, and the auth
 * specs, which run first, use up the browser's.
 */
export async function signUpListener(page: Page, baseURL: string | undefined): Promise<void> {
  const origin = new URL(baseURL ?? "http://localhost:3210");
  origin.hostname = "127.0.0.1";
  const api = await request.newContext({ baseURL: origin.origin });
  const email = uniqueEmail();
  const res = await trpcMutation(api, "auth.signUp", {
    email,
    password: strongPassword,
    displayName: "Listener",
  });
  expect(res.ok(), await res.text()).toBe(true);
  await api.dispose();
  await signInThroughUi(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Good (morning|afternoon|evening)/);
}

/** Instruments the page and opens the first album, signed in. */
export async function listenerOnAnAlbum(page: Page): Promise<string> {
  await page.addInitScript(instrument);
  await page.addInitScript(
    `window.__sampleElements = ${sampleElements.toString()};
     window.__routeToRecorder = ${routeToRecorder.toString()};
     window.__recordOutput = ${recordOutput.toString()};`,
  );
  await page.goto("/");
  await page.getByRole("list", { name: "Albums" }).getByRole("link").first().click();
  await expect(page.getByText(/^(Album|Single)$/)).toBeVisible();
  const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await expect(page.getByRole("button", { name: `Play ${title}` })).toBeEnabled();
  await page.waitForFunction(() => (window as unknown as PageWindow).cadencePlayer !== undefined);
  // Remember preloads from now on: the test waits for the next track to be buffered.
  await page.evaluate(() => {
    const w = window as unknown as PageWindow;
    w.__preloaded = [];
    w.cadencePlayer?.on("preloaded", ({ trackId }) => w.__preloaded.push(trackId));
  });
  return title;
}

export const player = (page: Page) =>
  page.evaluate(() => {
    const p = (window as unknown as PageWindow).cadencePlayer;
    if (!p) throw new Error("no player");
    return {
      status: p.status,
      time: p.currentTime,
      duration: p.duration,
      volume: p.volume,
      crossfade: p.crossfade,
      gapless: p.gapless,
      trackId: p.currentTrack?.id ?? null,
      queue: p.queue.items.map((i) => i.track.title),
      currentIndex: p.queue.currentIndex,
      shuffled: p.queue.shuffled,
    };
  });

export const preloaded = (page: Page) => page.evaluate(() => (window as unknown as PageWindow).__preloaded);

export const renderCounts = (page: Page) =>
  page.evaluate(() => ({ ...(window as unknown as PageWindow).__renders }));

export const resetRenderCounts = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as PageWindow).__renders = { trackList: 0, progress: 0, commits: 0 };
  });

/** Routes the player's elements into the output recorder (before they play). */
export const routeAudio = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as PageWindow;
    return w.__routeToRecorder(w.__audio);
  });

/**
 * Samples the clocks of the active element (first series) and the other one, and records the
 * output, for `durationMs`.
 */
export const sampleTransition = (page: Page, durationMs: number) =>
  page.evaluate(async (ms): Promise<{ series: ElementSample[][]; output: Recording }> => {
    const w = window as unknown as PageWindow;
    const active = w.cadencePlayer?.mediaElement;
    const elements = [...w.__audio].sort((a) => (a === active ? -1 : 1));
    const [series, output] = await Promise.all([w.__sampleElements(elements, ms), w.__recordOutput(ms)]);
    return { series, output };
  }, durationMs);
