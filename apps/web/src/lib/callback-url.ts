// Control characters and backslashes: browsers drop or rewrite them while navigating, so a path
// holding one can turn into another site's address ("/\evil", "/\t/evil" become "//evil").
function unsafe(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === "\\") return true;
  }
  return false;
}

/**
 * Where to send a listener after signing in: the given URL when it stays on `origin`, else
 * null. Parsed the way a browser would, and refused when the path, once percent-decoded
 * (as routers do), would leave the origin too.
 */
export function sameOriginUrl(value: string | null | undefined, origin: string): URL | null {
  if (!value || unsafe(value)) return null;
  let url: URL;
  let base: string;
  try {
    base = new URL(origin).origin;
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (unsafe(decoded) || decoded.startsWith("//")) return null;
  return url;
}

/** A same-origin path (with query and fragment) for the client router, or "/". */
export function safeCallbackPath(value: string | null | undefined, origin: string): string {
  const url = sameOriginUrl(value, origin);
  return url ? `${url.pathname}${url.search}${url.hash}` : "/";
}
