"use client";

/** Copies text; false when the browser refuses (no permission, insecure origin). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** An address in this app as someone else would open it. */
export const absoluteUrl = (path: string) => new URL(path, window.location.origin).toString();
