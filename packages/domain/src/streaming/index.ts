export { authorizeStream, contentKey, signedStream } from "./grant";
export type { SignedStream, StreamConfig } from "./grant";
export { answerStreamRequest } from "./origin";
export type { OriginAnswer } from "./origin";
export {
  newEncodingPrefix,
  objectKeyOf,
  objectPathOf,
  renditionDir,
  renditionKbps,
  STREAM_BASE,
} from "./object-keys";
export { RENDITION_BUCKET_SECONDS, signGrant, signRendition, verifyGrant, verifyRendition } from "./signing";
export type { GrantCheck, PlaylistGrant, RenditionCheck, RenditionRef } from "./signing";
export { signMasterPlaylist, signMediaPlaylist } from "./playlist";
