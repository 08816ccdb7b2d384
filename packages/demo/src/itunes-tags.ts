import { Mp4FormatError, readBoxes } from "@cadence/media";
import type { Box } from "@cadence/media";

/**
 * Adds the iTunes metadata items ffmpeg's MP4 muxer cannot write (the rtng advisory and a
 * freeform ISRC) to an .m4a whose moov sits after its media data, as ffmpeg writes it without
 * +faststart. Growing a trailing moov moves no sample data, so no chunk offsets need fixing.
 */
export function addItunesTags(
  file: Buffer,
  tags: { explicit?: boolean; isrc?: string; label?: string },
): Buffer {
  const items: Buffer[] = [];
  if (tags.explicit !== undefined) {
    // rtng: 1 = explicit, 2 = clean; data type 21 = big-endian signed integer.
    items.push(atom("rtng", dataAtom(21, Buffer.from([tags.explicit ? 1 : 2]))));
  }
  if (tags.isrc) items.push(freeform("ISRC", tags.isrc));
  if (tags.label) items.push(freeform("LABEL", tags.label));
  if (items.length === 0) return file;

  const top = readBoxes(file);
  const moov = top.find((box) => box.type === "moov");
  const mdat = top.find((box) => box.type === "mdat");
  if (!moov || !mdat || moov.start < mdat.start) {
    throw new Mp4FormatError("expected an MP4 with moov after mdat");
  }
  const chain = findChain(file, moov, ["udta", "meta", "ilst"]);
  if (!chain) throw new Mp4FormatError("moov has no udta/meta/ilst to extend");

  const added = items.reduce((sum, item) => sum + item.length, 0);
  const ilst = chain[chain.length - 1] as Box;
  const patched = Buffer.concat([file.subarray(0, ilst.end), ...items, file.subarray(ilst.end)]);
  for (const box of [moov, ...chain]) {
    if (box.payload - box.start !== 8) throw new Mp4FormatError(`${box.type} uses a 64-bit size`);
    patched.writeUInt32BE(box.end - box.start + added, box.start);
  }
  return patched;
}

function findChain(file: Buffer, parent: Box, types: readonly string[]): Box[] | null {
  const chain: Box[] = [];
  let current = parent;
  for (const type of types) {
    // meta is a full box: version and flags precede its children.
    const start = current.type === "meta" ? current.payload + 4 : current.payload;
    const next = readBoxes(file, start, current.end).find((box) => box.type === type);
    if (!next) return null;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** An iTunes freeform item (----:com.apple.iTunes:<name>) holding UTF-8 text (data type 1). */
function freeform(name: string, value: string): Buffer {
  return atom(
    "----",
    fullAtom("mean", Buffer.from("com.apple.iTunes")),
    fullAtom("name", Buffer.from(name)),
    dataAtom(1, Buffer.from(value)),
  );
}

function atom(type: string, ...children: Buffer[]): Buffer {
  const body = Buffer.concat(children);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, "latin1");
  return Buffer.concat([header, body]);
}

function fullAtom(type: string, body: Buffer): Buffer {
  return atom(type, Buffer.alloc(4), body);
}

function dataAtom(dataType: number, value: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(dataType);
  return atom("data", header, value);
}
