// What must never be in an answer to a client, whatever it sent: the server's SQL, stack
// traces, and paths of files on the server.
const LEAKS: { name: string; pattern: RegExp }[] = [
  {
    name: "SQL",
    // drizzle's "Failed query: … params: …", or a statement naming a quoted table (maybe JSON-escaped).
    pattern:
      /failed query|\bparams:\s|\b(select\b[^\n]{0,300}?\bfrom|insert into|update|delete from)\s+\\?"\w+/i,
  },
  {
    name: "SQL error",
    pattern: /\b(syntax error at or near|violates \w+ constraint|invalid byte sequence|relation "\w+")/i,
  },
  {
    name: "stack trace",
    pattern: /\n\s+at \S|\bat (async )?\S+ \(\S+:\d+:\d+\)|\bat \S+\.[cm]?[jt]sx?:\d+:\d+/,
  },
  {
    name: "server path",
    pattern:
      /(\/work\/|\/home\/|\/root\/|\/tmp\/|\/usr\/|node_modules|\/src\/\S+\.[cm]?[jt]sx?\b|\.next\/server)/,
  },
];

/** The kinds of leak found in an answer body (empty when clean). */
export function leaksIn(body: string): string[] {
  return LEAKS.filter(({ pattern }) => pattern.test(body)).map(({ name }) => name);
}

export interface AnswerProblem {
  problem: string;
  status: number;
  body: string;
}

/**
 * Checks an answer the fuzzers got: a 2xx or a 4xx (or a redirect, where `redirects` allows),
 * errors with messages, and no SQL, stack trace or server path in the body. `echoed` are
 * strings the request itself carried, which an answer may repeat (a 404 naming the path).
 */
export function problemWith(
  status: number,
  body: string,
  options: { errorMessages?: (body: string) => string[] | null; echoed?: string[]; redirects?: boolean } = {},
): AnswerProblem | null {
  const excerpt = body.slice(0, 2000);
  const redirect = status >= 300 && status < 400;
  if (status < 200 || status >= 500 || (redirect && !options.redirects)) {
    return { problem: `status ${status}`, status, body: excerpt };
  }
  let scanned = body;
  for (const echo of options.echoed ?? []) if (echo.length > 3) scanned = scanned.split(echo).join("");
  const leaks = leaksIn(scanned);
  if (leaks.length > 0) return { problem: `leaks ${leaks.join(", ")}`, status, body: excerpt };
  if (options.errorMessages) {
    // Every error in the answer (a batch may mix results and errors) says what went wrong.
    const messages = options.errorMessages(body);
    const missing = status >= 400 && (!messages || messages.length === 0);
    if (missing || messages?.some((m) => m.trim() === "")) {
      return { problem: "error without a message", status, body: excerpt };
    }
  }
  return null;
}
