/** Random source in [0, 1); injectable so shuffles are reproducible in tests. */
export type RandomSource = () => number;

/** Unbiased Fisher–Yates shuffle returning a new array. */
export function shuffled<T>(items: readonly T[], random: RandomSource = Math.random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Deterministic PRNG (mulberry32) for tests and reproducible shuffles. */
export function seededRandom(seed: number): RandomSource {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
