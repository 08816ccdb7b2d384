import { signRendition } from "@cadence/domain/streaming";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

import postgres from "postgres";

import { E2E_STREAM_SECRET, e2eDatabaseUrl } from "../scripts/e2e-constants";
import { accountMenu, demoListener, signInThroughUi, trpcGet } from "./helpers";

const db = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => undefined });
test.afterAll(() => db.end());

async function listeningKinds(trackId: string): Promise<string[]> {
  const rows = await db<{ kind: string }[]>`
    select e.kind from listening_event e join "user" u on u.id = e.user_id
    where u.email = ${demoListener.email} and e.track_id = ${trackId}`;
  return rows.map((r) => r.kind);
}

type PlayerHandle = {
  currentTime: number;
  currentTrack?: { id: string; title: string };
  currentLevel: { bitrateKbps: number } | null;
  status: string;
};

const playerState = (page: Page) =>
  page.evaluate(() => {
    const p = (window as unknown as { cadencePlayer?: PlayerHandle }).cadencePlayer;
    return {
      time: p?.currentTime ?? 0,
      trackId: p?.currentTrack?.id ?? null,
      title: p?.currentTrack?.title ?? null,
      kbps: p?.currentLevel?.bitrateKbps ?? null,
      status: p?.status ?? "none",
    };
  });

async function openFirstAlbum(page: Page) {
  await signInThroughUi(page, demoListener.email, demoListener.password);
  const firstAlbum = page.getByRole("list", { name: "Albums" }).getByRole("link").first();
  await firstAlbum.click();
  await expect(page.getByText(/^(Album|Single)$/)).toBeVisible();
}

test("open an album, press play, seek, and skip to the next track", async ({ page }) => {
  await openFirstAlbum(page);
  const albumTitle = await page.getByRole("heading", { level: 1 }).textContent();
  await page.getByRole("button", { name: `Play ${albumTitle}` }).click();

  // Audio time advances.
  await expect.poll(async () => (await playerState(page)).time, { timeout: 15_000 }).toBeGreaterThan(1.5);
  const first = await playerState(page);
  expect(first.status).toBe("playing");
  await expect(page.getByTestId("now-playing-title")).toHaveText(first.title ?? "");

  // The lock screen / media keys see what is playing.
  expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(first.title);

  // Seek forward with the keyboard shortcut (→ is +5 s) and with the seek bar.
  const before = (await playerState(page)).time;
  await page.locator("body").press("ArrowRight");
  await expect.poll(async () => (await playerState(page)).time).toBeGreaterThan(before + 4);
  await page.getByRole("slider", { name: "Seek" }).fill("20");
  await expect.poll(async () => (await playerState(page)).time).toBeGreaterThanOrEqual(20);
  await expect.poll(async () => (await playerState(page)).status).toBe("playing");

  // Next track plays.
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect.poll(async () => (await playerState(page)).trackId).not.toBe(first.trackId);
  await expect.poll(async () => (await playerState(page)).time, { timeout: 15_000 }).toBeGreaterThan(1);
  await expect(page.getByTestId("now-playing-title")).not.toHaveText(first.title ?? "");

  // Playback events reach the listening history, sent as a beacon when the page is hidden.
  await page.evaluate(() => window.dispatchEvent(new Event("pagehide")));
  await expect
    .poll(() => listeningKinds(first.trackId ?? ""), { timeout: 10_000 })
    .toEqual(expect.arrayContaining(["start", "skip"]));

  // Pause stops the clock.
  await page.getByRole("button", { name: "Pause", exact: true }).first().click();
  const paused = (await playerState(page)).time;
  await page.waitForTimeout(700);
  expect((await playerState(page)).time).toBeCloseTo(paused, 1);
});

test("under throttled bandwidth the player drops to a lower rendition and keeps playing", async ({
  page,
}) => {
  // The switch comes when the buffered high-bitrate audio runs low, which takes tens of seconds.
  test.setTimeout(150_000);
  await openFirstAlbum(page);
  const albumTitle = await page.getByRole("heading", { level: 1 }).textContent();
  await page.getByRole("button", { name: `Play ${albumTitle}` }).click();
  await expect.poll(async () => (await playerState(page)).time, { timeout: 15_000 }).toBeGreaterThan(1);
  // Playback starts on the lowest rendition; on loopback ABR climbs to a higher one first.
  await expect
    .poll(async () => (await playerState(page)).kbps ?? 0, { timeout: 30_000, intervals: [500] })
    .toBeGreaterThan(100);

  // DevTools network emulation: about 90 kb/s, below the 128 and 256 kb/s renditions.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 40,
    downloadThroughput: (90 * 1000) / 8,
    uploadThroughput: (500 * 1000) / 8,
  });
  await expect
    .poll(async () => (await playerState(page)).kbps ?? 999, { timeout: 90_000, intervals: [1000] })
    .toBeLessThan(100); // the 64 kb/s rendition (BANDWIDTH is its peak, a little above)
  const at = (await playerState(page)).time;
  await expect.poll(async () => (await playerState(page)).time, { timeout: 20_000 }).toBeGreaterThan(at + 3);
});

test.describe("streaming origin", () => {
  async function streamUrl(page: Page) {
    await signInThroughUi(page, demoListener.email, demoListener.password);
    await expect(page.getByRole("list", { name: "Albums" })).toBeVisible();
    const { albums } = await trpcGet<{ albums: { id: string }[] }>(page.request, "catalog.albums", {});
    const album = await trpcGet<{ tracks: { id: string }[] }>(page.request, "catalog.album", {
      id: albums[0]?.id,
    });
    const [trackA, trackB] = album.tracks;
    const stream = await trpcGet<{ url: string }>(page.request, "playback.stream", { trackId: trackA?.id });
    return { url: new URL(stream.url, "http://x"), trackA: trackA?.id ?? "", trackB: trackB?.id ?? "" };
  }

  test("serves signed playlists and ranged segments, and refuses expired, tampered and wrong-track URLs", async ({
    page,
    request,
  }) => {
    const { url, trackA, trackB } = await streamUrl(page);
    const master = await request.get(url.pathname + url.search);
    expect(master.status()).toBe(200);
    expect(master.headers()["content-type"]).toBe("application/vnd.apple.mpegurl");
    const masterText = await master.text();
    // The demo listener is on the free plan: its cap (128 kb/s) hides the 256 kb/s rung.
    expect(masterText).toContain("128k/index.m3u8?");
    expect(masterText).not.toContain("256k");
    const variant = masterText.split("\n").find((l) => l.startsWith("128k/index.m3u8?"));
    expect(variant).toBeTruthy();
    const base = url.pathname.slice(0, url.pathname.lastIndexOf("/") + 1);
    const media = await request.get(base + (variant ?? ""));
    expect(media.status()).toBe(200);
    const mediaText = await media.text();
    expect(mediaText).toContain(`URI="/api/keys/${trackA}"`);
    // A higher rung is refused even with a valid grant for the track.
    const above = await request.get(base + (variant ?? "").replace("128k", "256k"));
    expect(above.status()).toBe(403);

    const variantBase = base + "128k/";
    const init = mediaText.match(/#EXT-X-MAP:URI="([^"]+)"/)?.[1] ?? "";
    const segment = mediaText.split("\n").find((l) => l.includes(".m4s?")) ?? "";
    const initRes = await request.get(variantBase + init);
    expect(initRes.status()).toBe(200);
    expect(initRes.headers()["content-type"]).toBe("audio/mp4");
    const ranged = await request.get(variantBase + segment, { headers: { range: "bytes=0-99" } });
    expect(ranged.status()).toBe(206);
    expect(ranged.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
    expect((await ranged.body()).length).toBe(100);
    // Segment URLs are the same for every listener of the rendition: shareable by a CDN until they expire.
    expect(ranged.headers()["cache-control"]).toMatch(/^public, max-age=\d+$/);
    expect(segment).not.toContain("u=");

    const segmentUrl = new URL(variantBase + segment, "http://x");
    const tampered = new URLSearchParams(segmentUrl.search);
    tampered.set("r", `${tampered.get("r")?.slice(0, -3)}abc`);
    expect((await request.get(`${segmentUrl.pathname}?${tampered}`)).status()).toBe(403);
    const otherTrack = segmentUrl.pathname.replace(trackA, trackB);
    expect((await request.get(`${otherTrack}${segmentUrl.search}`)).status()).toBe(403);
    const otherRung = segmentUrl.pathname.replace("/128k/", "/256k/");
    expect((await request.get(`${otherRung}${segmentUrl.search}`)).status()).toBe(403);

    const [, , , trackId = "", encodingId = ""] = segmentUrl.pathname.split("/");
    const stale = signRendition(
      { trackId, encodingId, renditionDir: "128k" },
      E2E_STREAM_SECRET,
      Date.now() - 3 * 3600 * 1000,
    );
    expect((await request.get(`${segmentUrl.pathname}?${stale}`)).status()).toBe(403);
    expect((await request.get(segmentUrl.pathname)).status()).toBe(403);
  });

  test("signing out everywhere ends the listener's stream grants", async ({ page, request }) => {
    const { url } = await streamUrl(page);
    expect((await request.get(url.pathname + url.search)).status()).toBe(200);
    await accountMenu(page, "Sign out");
    await expect(page).toHaveURL(/\/signin/);
    expect((await request.get(url.pathname + url.search)).status()).toBe(403);
  });

  test("the key route answers only a signed-in listener, never cached", async ({ page, playwright }) => {
    const { trackA } = await streamUrl(page);
    const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
    const denied = await anonymous.get(`/api/keys/${trackA}`);
    expect(denied.status()).toBe(401);
    expect(denied.headers()["cache-control"]).toBe("no-store");
    const granted = await page.request.get(`/api/keys/${trackA}`);
    expect(granted.status()).toBe(200);
    expect((await granted.body()).length).toBe(16);
    expect(granted.headers()["cache-control"]).toBe("no-store");
  });
});

test("signed-in pages render on the server without errors", async ({ page }) => {
  await signInThroughUi(page, demoListener.email, demoListener.password);
  await expect(page.getByRole("list", { name: "Albums" })).toBeVisible();
  const { albums } = await trpcGet<{ albums: { id: string; artist: { id: string } }[] }>(
    page.request,
    "catalog.albums",
    {},
  );
  const first = albums[0];
  const searches = ["/search", "/search?q=marlow", "/search?q=bad%01text", "/search/songs?q=marlow"];
  for (const path of ["/", "/account", `/album/${first?.id}`, `/artist/${first?.artist.id}`, ...searches]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
  }
  expect((await page.request.get("/album/not-an-id")).status()).toBe(404);
  expect((await page.request.get("/search/nothing-of-the-kind?q=marlow")).status()).toBe(404);
  expect((await page.request.get("/album/00000000-0000-4000-8000-000000000000")).status()).toBe(404);

  // A dead link inside the app says so in the app's shell, with a way home.
  await page.goto("/album/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("link", { name: "Go home" }).click();
  await expect(page).toHaveURL(/\/$/);
  // An address no route matches gets the same message.
  const unknown = await page.goto("/no-such-page");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
