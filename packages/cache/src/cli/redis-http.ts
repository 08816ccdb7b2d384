import { env } from "../env";
import { startRedisHttpBridge } from "../redis-http/server";

// Usage: REDIS_URL=redis://host:6379 REDIS_HTTP_TOKEN=secret [REDIS_HTTP_PORT=8079] tsx redis-http.ts
const redisUrl = env.REDIS_URL;
const token = env.REDIS_HTTP_TOKEN;
if (!redisUrl || !token) {
  console.error("REDIS_URL and REDIS_HTTP_TOKEN (16 characters or more) are required");
  process.exit(2);
}
const bridge = await startRedisHttpBridge({
  redisUrl,
  token,
  port: env.REDIS_HTTP_PORT ?? 8079,
  host: env.REDIS_HTTP_HOST,
});
console.log(`redis-http bridge on ${bridge.url} -> ${redisUrl.replace(/\/\/[^@]*@/, "//***@")}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void bridge.close().then(() => process.exit(0)));
}
