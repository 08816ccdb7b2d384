import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/chromium.ts";

/**
 * The player's browser suite: real hls.js, MediaSource and <audio> in Debian's Chromium, playing
 * real encrypted HLS from the loopback origin of test/player-media-server.ts (at the root).
 */
export default defineConfig({
  test: {
    name: "player-browser",
    include: ["src/**/*.browser.test.ts"],
    globalSetup: ["../../test/player-media-server.ts"],
    // Playback timing is what these tests measure: one file at a time on a shared 2-core machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
      instances: [{ browser: "chromium" }],
    },
  },
});
