import type { IncomingMessage } from "node:http";

import { CLIENT_IP_HEADER, resolveClientIp } from "@cadence/domain";
import type { TrustedProxies } from "@cadence/domain";

/**
 * Sets the one header the app reads the client's address from, replacing whatever the client
 * sent under that name (apps/web/server.ts calls this for every request before Next.js runs).
 */
export function stampClientAddress(req: IncomingMessage, trusted: TrustedProxies): void {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trusted,
  });
}
