import type { AppError } from "../errors";

export interface Membership {
  /** Adds the row; a row already there is left as it is (insert … on conflict do nothing). */
  add(): Promise<unknown>;
  /** Removes the row; the number of rows removed. */
  remove(): Promise<number>;
  /** Whether the object may be added: it exists and the caller can see it. */
  visible(): Promise<boolean>;
  /** What the caller is told when it cannot (NOT_FOUND, naming the input's field). */
  notFound: AppError;
}

/**
 * Likes, saves and follows: idempotent, so a retried or doubled click changes nothing. Only a
 * visible object can be added; one that is there can always be removed (an album retired since
 * it was saved), and removing an unknown object is NOT_FOUND, not a silent success.
 */
export async function setMembership(on: boolean, membership: Membership): Promise<boolean> {
  if (on) {
    if (!(await membership.visible())) throw membership.notFound;
    await membership.add();
    return true;
  }
  if ((await membership.remove()) === 0 && !(await membership.visible())) throw membership.notFound;
  return false;
}
