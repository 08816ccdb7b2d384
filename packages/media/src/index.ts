export {
  describeFfmpeg,
  FfmpegError,
  locateFfmpeg,
  npmFfmpegPath,
  runFfmpeg,
  untrustedInput,
} from "./ffmpeg";
export type { FfmpegBinary, FfmpegResult, RunOptions } from "./ffmpeg";

export { readTags, splitArtists, trackArtists, UnreadableAudioError } from "./tags";
export type { Picture, TrackTags } from "./tags";

export { EBUR128_FILTER, LoudnessParseError, measureLoudness, parseEbur128Summary } from "./loudness";
export type { Loudness } from "./loudness";

export {
  AAC_LC_CODECS,
  aacRungArgs,
  KEY_URI_PLACEHOLDER,
  LADDER_KBPS,
  MASTER_PLAYLIST,
  masterPlaylist,
  mediaPlaylist,
  outputSampleRate,
  transcodeToHls,
} from "./hls";
export type { HlsLadder, HlsOptions, HlsRendition, HlsSegment } from "./hls";

export {
  CACHE_IMMUTABLE,
  CACHE_PLAYLIST,
  cacheControlFor,
  contentTypeFor,
  InvalidKeyError,
  putOptionsFor,
  RangeNotSatisfiableError,
  readBody,
} from "./storage";
export type { ByteRange, ListedObject, ObjectInfo, ObjectStorage, PutOptions, StoredObject } from "./storage";
export { LocalStorage } from "./local-storage";
export { S3Storage } from "./s3-storage";
export type { S3StorageOptions } from "./s3-storage";
export { storageFromEnv } from "./storage-env";

export { Mp4FormatError, readBoxes, splitFragmentedMp4 } from "./mp4";
export type { Box, Fragment, FragmentedMp4 } from "./mp4";

export { AUDIO_EXTENSIONS, hashFile, scanFolder } from "./scan";
export { mapWithConcurrency } from "./pool";
export type { ScannedFile } from "./scan";

export { ingestFolder } from "./ingest";
export { collectSupersededEncodings, encodingRetentionSeconds } from "./encoding-gc";
export type { FileOutcome, IngestDurations, IngestEvent, IngestOptions, IngestSummary } from "./ingest";
