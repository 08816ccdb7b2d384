import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./test/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    // The real start path on the real engines: a fresh Postgres database and Redis.
    command: "tsx scripts/e2e-server.ts",
    // The app answers before the demo catalog is imported, and the specs need all of it: wait
    // for the start script's last line, printed once it serves and the import is over. (Not
    // `url` as well: Playwright takes whichever comes first.)
    wait: { stdout: /import finished; serving on http/ },
    env: { PORT: String(port) },
    // A cold Next build on a busy two-core machine has taken over four minutes.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
