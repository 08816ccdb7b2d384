/** Known to the e2e server and the specs, so a spec can mint an expired stream URL. */
export const E2E_STREAM_SECRET = "e2e-stream-signing-secret-not-for-production-0001";

/** The seeded accounts' passwords: set explicitly, so the start script generates none. */
export const E2E_ADMIN = {
  email: "admin@cadence.local",
  password: "e2e admin passphrase, not for production",
};
/** Tracks of the demo catalog the e2e server ingests: two albums by one artist, one genre. */
export const E2E_DEMO_TRACKS = 6;

export const E2E_DEMO = { email: "demo@cadence.local", password: "e2e demo passphrase, not for production" };

const adminUrl = () => process.env.TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/test";
// Overridable so several checkouts on one machine can run their e2e suites side by side.
export const E2E_DATABASE = process.env.E2E_DATABASE ?? "cadence_e2e";

/** The database the e2e server runs on; its server creates it fresh for every run. */
export function e2eDatabaseUrl(): string {
  const url = new URL(adminUrl());
  url.pathname = `/${E2E_DATABASE}`;
  return url.toString();
}

export { adminUrl };
