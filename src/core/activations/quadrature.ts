/**
 * Gaussian expectations E[g(x)], x ~ N(μ, σ²), by composite Gauss–Legendre in t = (x − μ)/σ over the
 * whole mass of the normal density. Panels break at the function's kinks (so piecewise functions are
 * integrated piece by piece, exactly), every 0.5 in t (the density's scale) and every 0.5 in x (the
 * function's scale). Plain Gauss–Hermite converges slowly once σ is large against the distance to
 * sigmoid-type poles (x = ±iπ); the panels keep 1e-12 accuracy for any σ.
 */

const ORDER = 10;

/** Gauss–Legendre nodes and weights on [−1, 1], by Newton's method on P_n. */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) {
        break;
      }
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

const GL = gaussLegendre(ORDER);

/** Half-width of the t range: φ(38) ≈ 1e−314, beyond it the density is 0 in float64. */
const T_RANGE = 38;

/** Quadrature points in x and their probability weights (summing to 1 up to rounding). */
export interface GaussianRule {
  readonly xs: Float64Array;
  readonly ws: Float64Array;
}

/** A rule for N(μ, σ²) with panel breaks at the given x positions. */
export function gaussianRule(mu: number, sigma: number, breaksX: readonly number[]): GaussianRule {
  const lo = -T_RANGE;
  // Growing integrands (eˣ) peak at t = σ: extend the right end with σ, within reason.
  const hi = T_RANGE + Math.min(sigma, 40);
  const cuts: number[] = [];
  for (let t = lo; t <= hi; t += 0.5) {
    cuts.push(t);
  }
  cuts.push(hi);
  for (let x = -20; x <= 20; x += 0.5) {
    cuts.push((x - mu) / sigma);
  }
  for (const k of breaksX) {
    cuts.push((k - mu) / sigma);
  }
  const sorted = cuts.filter((t) => t >= lo && t <= hi).sort((a, b) => a - b);
  const edges = sorted.filter((t, i) => i === 0 || t - sorted[i - 1] > 1e-13);
  const n = (edges.length - 1) * ORDER;
  const xs = new Float64Array(n);
  const ws = new Float64Array(n);
  let j = 0;
  let total = 0;
  for (let e = 0; e + 1 < edges.length; e++) {
    const half = (edges[e + 1] - edges[e]) / 2;
    const mid = (edges[e + 1] + edges[e]) / 2;
    for (let k = 0; k < ORDER; k++) {
      const t = mid + half * GL.nodes[k];
      const w = half * GL.weights[k] * Math.exp(-0.5 * t * t);
      xs[j] = mu + sigma * t;
      ws[j] = w;
      total += w;
      j++;
    }
  }
  // Normalise so the weights sum to exactly 1 (the rule integrates constants exactly).
  for (let i = 0; i < n; i++) {
    ws[i] /= total;
  }
  return { xs, ws };
}
