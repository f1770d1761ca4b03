/** Seeded random sources for tests: the same numbers on every run, so a failure reproduces from its seed. */

/** mulberry32: a small, well-mixed 32-bit generator of uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n samples of N(mu, sigma²) by Box–Muller from a seeded uniform source. */
export function normalSamples(n: number, mu: number, sigma: number, seed: number): Float64Array {
  const u = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    const th = 2 * Math.PI * u();
    out[i] = mu + sigma * r * Math.cos(th);
    if (i + 1 < n) {
      out[i + 1] = mu + sigma * r * Math.sin(th);
    }
  }
  return out;
}
