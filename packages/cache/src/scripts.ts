/**
 * The Lua scripts the Redis engines run, one round trip each. The redis-http bridge runs these
 * and no other script: an arbitrary EVAL could do anything a Redis command can.
 */
export const SCRIPTS = {
  // INCR and set the window's expiry on the first hit, atomically; returns [count, pttl].
  hit: `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`,
  // hit for each key in turn (ARGV[1] the window, ARGV[i + 1] key i's limit), stopping at the
  // first past its limit: later keys are not counted. Returns [that key's index or 0, its pttl].
  hitUntil: `
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  if count > tonumber(ARGV[i + 1]) then return {i, redis.call('PTTL', key)} end
end
return {0, 0}
`,
  // DECR only a live, positive counter, so a release never creates a key or goes negative.
  release: `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0
`,
  // Store a loaded value only if the key still holds what the lookup saw (nothing, or the same
  // invalidation mark): a write in between leaves its mark, and the load may predate it.
  fill: `
if (redis.call('GET', KEYS[1]) or '') ~= ARGV[3] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1
`,
  // Replace each key's value with the same fresh invalidation mark.
  invalidate: `
for _, key in ipairs(KEYS) do redis.call('SET', key, ARGV[1], 'PX', ARGV[2]) end
return 0
`,
} as const;

export const KNOWN_SCRIPTS: ReadonlySet<string> = new Set(Object.values(SCRIPTS));
