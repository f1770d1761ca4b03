/**
 * Seeded random numbers for the simulated network: xoshiro128** seeded through splitmix32, one
 * independent stream per (seed, stream) so a layer's weights can be drawn again for the backward pass
 * instead of being stored. Normals by Marsaglia and Tsang's ziggurat (128 layers): one 32-bit draw for
 * 98 % of samples, where Box–Muller pays a log, a root and two trig calls (ten times slower, and a
 * width-512 network draws 262 144 weights a layer).
 */

const LAYERS = 128;
/** Start of the tail and area of each layer for 128 layers (Marsaglia and Tsang, 2000). */
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
const M1 = 2147483648;

/** Per layer: the accept threshold on the 32-bit draw, its scale to x, and the density at the edge. */
const KN = new Int32Array(LAYERS);
const WN = new Float64Array(LAYERS);
const FN = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  KN[0] = Math.floor((dn / q) * M1);
  KN[1] = 0;
  WN[0] = q / M1;
  WN[LAYERS - 1] = dn / M1;
  FN[0] = 1;
  FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / M1;
  }
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    const mix = splitmix32((seed >>> 0) ^ Math.imul(stream + 1, 0x632be5ab));
    // Two rounds of mixing so nearby (seed, stream) pairs start far apart.
    mix();
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
  }

  /** An unsigned 32-bit integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on (0, 1): 53 random bits, never 0 (Box–Muller takes its log). */
  uniform(): number {
    const hi = this.nextU32() >>> 5;
    const lo = this.nextU32() >>> 6;
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }

  /** A standard normal. */
  normal(): number {
    let hz = this.nextU32() | 0;
    let iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < KN[iz]) {
      return hz * WN[iz];
    }
    for (;;) {
      if (iz === 0) {
        // The tail beyond R, by Marsaglia's exponential rejection.
        let x: number;
        let y: number;
        do {
          x = -Math.log(this.uniform()) / R;
          y = -Math.log(this.uniform());
        } while (y + y < x * x);
        return hz > 0 ? R + x : -R - x;
      }
      const x = hz * WN[iz];
      if (FN[iz] + this.uniform() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) {
        return x;
      }
      hz = this.nextU32() | 0;
      iz = hz & (LAYERS - 1);
      if (Math.abs(hz) < KN[iz]) {
        return hz * WN[iz];
      }
    }
  }

  /** Fills `out` with N(0, sd²) samples. */
  fillNormal(out: Float64Array, sd: number): void {
    for (let i = 0; i < out.length; i++) {
      out[i] = sd * this.normal();
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
