import { describe, expect, it } from "vitest";

import { leaksIn, problemWith } from "./leaks";
import { trpcErrorMessages } from "./requests";

describe("the fuzzers' verdict on an answer", () => {
  it("finds the leaks the security review saw", () => {
    // The answer playback.report gave before the fix, trimmed.
    const failedInsert = JSON.stringify({
      error: {
        json: {
          message:
            'Failed query: insert into "listening_event" ("user_id", "occurred_at") values ($1, $2)\nparams: 3d04…,-271821-04-20',
          data: {
            stack:
              "Error: Failed query\n    at PgDialect.query (/work/main/node_modules/drizzle-orm/pg-core/session.js:12:9)",
          },
        },
      },
    });
    expect(leaksIn(failedInsert)).toEqual(["SQL", "stack trace", "server path"]);
    expect(leaksIn(JSON.stringify({ message: 'select "id" from "user" where "email" = $1' }))).toEqual([
      "SQL",
    ]);
    expect(leaksIn('update "profile" set "display_name" = $1')).toEqual(["SQL"]);
    expect(leaksIn('invalid byte sequence for encoding "UTF8": 0x00')).toEqual(["SQL error"]);
  });

  it("passes plain messages, and paths the request itself carried", () => {
    expect(leaksIn('{"message":"displayName: Remove control characters"}')).toEqual([]);
    expect(leaksIn("Select an album from the list, then press play")).toEqual([]);
    const echoed = 'No procedure found on path "/tmp/x"';
    expect(
      problemWith(404, JSON.stringify({ error: { message: echoed } }), { echoed: ["/tmp/x"] }),
    ).toBeNull();
  });

  it("refuses 5xx, errors without a message, and redirects unless allowed", () => {
    const ok = JSON.stringify({ result: { data: { json: 1 } } });
    expect(problemWith(500, "")?.problem).toBe("status 500");
    expect(problemWith(302, "")?.problem).toBe("status 302");
    expect(problemWith(302, "", { redirects: true })).toBeNull();
    expect(problemWith(200, ok, { errorMessages: trpcErrorMessages })).toBeNull();
    const silent = JSON.stringify([{ result: { data: { json: 1 } } }, { error: { json: { message: "" } } }]);
    expect(problemWith(207, silent, { errorMessages: trpcErrorMessages })?.problem).toBe(
      "error without a message",
    );
    expect(problemWith(400, "not json", { errorMessages: trpcErrorMessages })?.problem).toBe(
      "error without a message",
    );
  });
});
