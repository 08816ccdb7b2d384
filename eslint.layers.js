// The workspace's layers, lowest first. Each may import only what sits below it:
//   app (web, desktop) -> api -> domain -> search, db, cache; search -> db
//   media -> domain; demo (fixtures and the start script's catalog) -> media
//   player stands alone (browser code); progress (the one progress reporter) sits at the bottom,
//   usable by every layer but the browser's; tooling (scripts, bench, e2e, test) may use anything.
// Inside a package, files import each other freely.
export const layers = [
  { type: "app", pattern: "apps/*", capture: ["name"] },
  { type: "api", pattern: "packages/api" },
  { type: "domain", pattern: "packages/domain" },
  { type: "media", pattern: "packages/media" },
  { type: "demo", pattern: "packages/demo" },
  { type: "player", pattern: "packages/player" },
  { type: "search", pattern: "packages/search" },
  { type: "db", pattern: "packages/db" },
  { type: "cache", pattern: "packages/cache" },
  { type: "progress", pattern: "packages/progress" },
  { type: "tooling", pattern: "(scripts|bench|e2e|test)" },
];

const allow = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { type: to } } } });

export const layerPolicies = [
  allow("app", ["app", "api", "domain", "media", "player", "search", "db", "cache", "progress"]),
  allow("api", ["api", "domain", "search", "db", "cache", "progress"]),
  allow("domain", ["domain", "search", "db", "cache", "progress"]),
  allow("search", ["search", "db", "progress"]),
  allow("media", ["media", "domain", "db", "progress"]),
  allow("demo", ["demo", "media", "db", "progress"]),
  allow("player", ["player"]),
  allow("db", ["db", "progress"]),
  allow("cache", ["cache", "progress"]),
  allow("progress", ["progress"]),
  allow("tooling", [
    "tooling",
    "app",
    "api",
    "domain",
    "media",
    "demo",
    "player",
    "search",
    "db",
    "cache",
    "progress",
  ]),
];

// Media's tests use the demo catalog as their fixture; nothing else in media may.
export const mediaTestPolicies = [...layerPolicies, allow("media", ["demo"])];
