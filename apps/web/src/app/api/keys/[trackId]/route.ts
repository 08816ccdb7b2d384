import { AppError, httpStatusOf } from "@cadence/domain";
import { contentKey } from "@cadence/domain/streaming";

import { getSession } from "~/server/auth";
import { services } from "~/server/services";
import { isUuid } from "~/lib/uuid";

const noStore = { "Cache-Control": "no-store" };

/** A track's AES-128 key, only for a signed-in listener who may play it; never cached. */
export async function GET(_req: Request, ctx: { params: Promise<{ trackId: string }> }) {
  const { trackId } = await ctx.params;
  const session = await getSession();
  if (!session) return new Response("Sign in to play music", { status: 401, headers: noStore });
  if (!isUuid(trackId)) return new Response("Not found", { status: 404, headers: noStore });
  try {
    const key = await contentKey(services().db, { userId: session.user.id, trackId });
    return new Response(new Uint8Array(key), {
      headers: {
        ...noStore,
        "Content-Type": "application/octet-stream",
        "Content-Length": String(key.length),
      },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(error.message, { status: httpStatusOf(error), headers: noStore });
    }
    throw error;
  }
}
