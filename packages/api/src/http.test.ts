import { randomBytes } from "node:crypto";

import { describe, expect, it, vi } from "vitest";

import type { Session } from "./context";
import { createTestStack, errorOf, stacks, trpcRequest } from "./testing";
import type { TestStack } from "./testing";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function signedUp(stack: TestStack): Promise<Session> {
  const email = `h-${randomBytes(5).toString("hex")}@example.com`;
  const { id } = await stack
    .caller()
    .auth.signUp({ email, password: "a long listening phrase", displayName: "Hal" });
  return { user: { id, email, role: "listener" } };
}

describe.each(stacks)("an internal failure on $name", (stackConfig) => {
  it("reaches the client as a generic message and a request id; the detail is logged under that id", async () => {
    const stack = await createTestStack(stackConfig);
    const listener = await signedUp(stack);
    // A real failure: the database goes away under the API.
    await stack.close();

    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let response: Response;
    try {
      response = await stack.http(trpcRequest("GET", "catalog.albums", {}), listener);
    } finally {
      stdout.mockRestore();
    }

    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(UUID);
    const text = await response.clone().text();
    expect(text).not.toMatch(/select|failed query|params|stack|\bat \S+:\d+/i);
    const error = await errorOf(response);
    expect(response.status).toBe(500);
    expect(error.message).toBe("Something went wrong on our side");
    expect(error.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", requestId });

    const logged = written
      .flatMap((chunk) => chunk.split("\n"))
      .filter((line) => line.includes(requestId ?? "-"))
      .map(
        (line) =>
          JSON.parse(line) as { level: number; path?: string; err?: { message: string; stack: string } },
      );
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, path: "catalog.albums" });
    expect(logged[0]?.err?.message).toMatch(/select/i);
    expect(logged[0]?.err?.stack).toMatch(/\bat \S+/);
  });
});
