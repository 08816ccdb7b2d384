import { createRequire } from "node:module";

import { env } from "../env";

interface GeoIp {
  lookup(ip: string): { country: string } | null;
}

// geoip-country ships MaxMind's GeoLite2 country data inside the package; load it on first use
// (about 40 ms and 8 MB), not at import, since only sign-up needs it.
let geoip: GeoIp | undefined;
function geoIp(): GeoIp {
  geoip ??= createRequire(import.meta.url)("geoip-country") as GeoIp;
  return geoip;
}

/**
 * The country whose licences apply to an account, decided by the server at sign-up: the
 * country of the address it signed up from, else the operator's default. The listener never
 * chooses it; a later billing country may replace it.
 */
export function licenseCountryFor(ip: string, fallback = env.DEFAULT_COUNTRY): string {
  const found = ip && ip !== "unknown" ? geoIp().lookup(ip) : null;
  return found && /^[A-Z]{2}$/.test(found.country) ? found.country : fallback;
}
