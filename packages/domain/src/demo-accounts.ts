import type { SeedAccount } from "./seed";

/** Demo credentials, overridable so an operator never runs with the published defaults. */
export function demoAccounts(env: NodeJS.ProcessEnv = process.env): SeedAccount[] {
  return [
    {
      email: env.ADMIN_EMAIL ?? "admin@cadence.local",
      password: env.ADMIN_PASSWORD ?? "cadence-admin-2026",
      displayName: "Admin",
      role: "admin",
    },
    {
      email: env.DEMO_EMAIL ?? "demo@cadence.local",
      password: env.DEMO_PASSWORD ?? "cadence-demo-2026",
      displayName: "Demo Listener",
      role: "listener",
    },
  ];
}
