export { authorizeStream, contentKey, signedStream } from "./grant";
export type { SignedStream, StreamConfig } from "./grant";
export { newEncodingPrefix, objectKeyOf, objectPathOf, STREAM_BASE } from "./object-keys";
export { signGrant, verifyGrant } from "./signing";
export type { GrantCheck, StreamGrant } from "./signing";
export { signPlaylist } from "./playlist";
