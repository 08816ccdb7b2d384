import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./test/chromium.ts";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/*/src/**/*.test.ts",
            "scripts/**/*.test.ts",
            "test/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**", "**/*.browser.test.ts"],
          // Tests talk to the real Postgres and Redis; the setup fails the run when they are down.
          globalSetup: ["./test/services.ts"],
        },
      },
      {
        // The player in Debian's Chromium: real hls.js, MediaSource and <audio>, playing real
        // encrypted HLS from the loopback origin of the setup. It fails, never skips, without
        // Chromium.
        test: {
          name: "player-browser",
          include: ["packages/player/src/**/*.browser.test.ts"],
          globalSetup: ["./test/player-media-server.ts"],
          // Playback timing is what these tests measure: one file at a time on a small machine.
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
      },
    ],
  },
});
