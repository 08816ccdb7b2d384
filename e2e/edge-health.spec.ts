import { expect, test } from "@playwright/test";

test("health says up or down per dependency, and nothing else a stranger could use", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  const text = await res.text();
  expect(JSON.parse(text)).toEqual({
    status: "ok",
    checks: { database: "up", cache: "up", search: "up" },
  });
  // No engine names, versions, hosts or ports (the e2e server runs on Postgres and Redis).
  expect(text).not.toMatch(/postgres|redis|typesense|pglite|\d+\.\d+|127\.0\.0\.1|:\d{2,5}/i);
});
