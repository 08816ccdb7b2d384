/** Known to the e2e server and the specs, so a spec can mint an expired stream URL. */
export const E2E_STREAM_SECRET = "e2e-stream-signing-secret-not-for-production-0001";
