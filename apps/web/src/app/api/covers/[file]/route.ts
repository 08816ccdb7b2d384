import { serveObject } from "~/server/objects";
import { services } from "~/server/services";

// Content-addressed names (sha256.ext): anything else is not a cover.
const COVER_FILE = /^[0-9a-f]{16,64}\.(jpg|jpeg|png|webp)$/;

/** Album art: public and immutable. */
export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  if (!COVER_FILE.test(file)) return new Response("Not found", { status: 404 });
  return serveObject(services().storage, `covers/${file}`, req, "public, max-age=31536000, immutable");
}
