/**
 * Just enough ISO BMFF (MP4) reading to cut a fragmented MP4 into an HLS init section and media
 * fragments, with each fragment's exact duration from its sample table.
 */

export interface Box {
  type: string;
  start: number;
  end: number;
  /** Where the payload begins (after size/type, and largesize when present). */
  payload: number;
}

export interface Fragment {
  /** One moof and its mdat, byte for byte. */
  bytes: Buffer;
  /** Decode time of the first sample, in timescale ticks. */
  startTicks: number;
  durationTicks: number;
}

export interface FragmentedMp4 {
  /** ftyp + moov: the EXT-X-MAP section. */
  init: Buffer;
  timescale: number;
  fragments: Fragment[];
}

export class Mp4FormatError extends Error {
  override readonly name = "Mp4FormatError";
}

export function readBoxes(data: Buffer, start = 0, end = data.length): Box[] {
  const boxes: Box[] = [];
  let offset = start;
  while (offset + 8 <= end) {
    let size = data.readUInt32BE(offset);
    const type = data.toString("latin1", offset + 4, offset + 8);
    let payload = offset + 8;
    if (size === 1) {
      size = Number(data.readBigUInt64BE(offset + 8));
      payload += 8;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < payload - offset || offset + size > end) {
      throw new Mp4FormatError(`box ${type} at ${offset} overruns its container`);
    }
    boxes.push({ type, start: offset, end: offset + size, payload });
    offset += size;
  }
  return boxes;
}

function child(data: Buffer, parent: Box, type: string): Box | undefined {
  return readBoxes(data, parent.payload, parent.end).find((box) => box.type === type);
}

function path(data: Buffer, parent: Box, types: readonly string[]): Box | undefined {
  let current: Box | undefined = parent;
  for (const type of types) {
    if (!current) return undefined;
    current = child(data, current, type);
  }
  return current;
}

export function splitFragmentedMp4(data: Buffer): FragmentedMp4 {
  const top = readBoxes(data);
  const moov = top.find((box) => box.type === "moov");
  const firstMoof = top.findIndex((box) => box.type === "moof");
  if (!moov || firstMoof < 0) throw new Mp4FormatError("not a fragmented MP4 (no moov/moof)");

  const mdhd = path(data, moov, ["trak", "mdia", "mdhd"]);
  if (!mdhd) throw new Mp4FormatError("moov has no mdhd");
  const mdhdVersion = data.readUInt8(mdhd.payload);
  const timescale = data.readUInt32BE(mdhd.payload + (mdhdVersion === 1 ? 20 : 12));
  const trex = path(data, moov, ["mvex", "trex"]);
  const trexDuration = trex ? data.readUInt32BE(trex.payload + 12) : 0;

  const initEnd = top[firstMoof]?.start ?? 0;
  const fragments: Fragment[] = [];
  let nextStart = 0;
  for (let index = firstMoof; index < top.length; index++) {
    const moof = top[index];
    if (!moof || moof.type !== "moof") continue;
    const mdat = top[index + 1];
    if (!mdat || mdat.type !== "mdat") throw new Mp4FormatError("moof without a following mdat");
    const timing = fragmentTiming(data, moof, trexDuration);
    const startTicks = timing.startTicks ?? nextStart;
    fragments.push({
      bytes: data.subarray(moof.start, mdat.end),
      startTicks,
      durationTicks: timing.durationTicks,
    });
    nextStart = startTicks + timing.durationTicks;
  }
  return { init: data.subarray(0, initEnd), timescale, fragments };
}

function fragmentTiming(
  data: Buffer,
  moof: Box,
  trexDuration: number,
): { startTicks: number | null; durationTicks: number } {
  // Audio-only output has a single track, so the first traf is the whole story.
  const traf = child(data, moof, "traf");
  if (!traf) throw new Mp4FormatError("moof without traf");
  const boxes = readBoxes(data, traf.payload, traf.end);

  let defaultDuration = trexDuration;
  const tfhd = boxes.find((box) => box.type === "tfhd");
  if (tfhd) {
    const flags = data.readUInt32BE(tfhd.payload) & 0xffffff;
    let offset = tfhd.payload + 8;
    if (flags & 0x01) offset += 8;
    if (flags & 0x02) offset += 4;
    if (flags & 0x08) defaultDuration = data.readUInt32BE(offset);
  }

  let startTicks: number | null = null;
  const tfdt = boxes.find((box) => box.type === "tfdt");
  if (tfdt) {
    startTicks =
      data.readUInt8(tfdt.payload) === 1
        ? Number(data.readBigUInt64BE(tfdt.payload + 4))
        : data.readUInt32BE(tfdt.payload + 4);
  }

  let durationTicks = 0;
  for (const trun of boxes.filter((box) => box.type === "trun")) {
    const flags = data.readUInt32BE(trun.payload) & 0xffffff;
    const count = data.readUInt32BE(trun.payload + 4);
    let offset = trun.payload + 8;
    if (flags & 0x01) offset += 4;
    if (flags & 0x04) offset += 4;
    const perSample =
      (flags & 0x100 ? 4 : 0) + (flags & 0x200 ? 4 : 0) + (flags & 0x400 ? 4 : 0) + (flags & 0x800 ? 4 : 0);
    if (!(flags & 0x100)) {
      durationTicks += count * defaultDuration;
      continue;
    }
    for (let sample = 0; sample < count; sample++) {
      durationTicks += data.readUInt32BE(offset + sample * perSample);
    }
  }
  return { startTicks, durationTicks };
}
