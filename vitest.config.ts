import { defineConfig } from "vitest/config";

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
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/*.browser.test.ts"],
          // Tests talk to the real Postgres and Redis; the setup fails the run when they are down.
          globalSetup: ["./test/services.ts"],
        },
      },
      // The player in a real Chromium (fails, never skips, when Chromium is missing).
      "packages/player/vitest.config.ts",
    ],
  },
});
