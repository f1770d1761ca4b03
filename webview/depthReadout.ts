/**
 * The depth view's readouts in words: the phase and what it means for gradients, dead units and the
 * output mean. Pure functions of the theory's result, so the sentences always match the numbers.
 */
import type { SignalResult } from '../src/core/signal';
import { formatNumber } from '../src/core/numberFormat';

/** Layers a gradient survives: about six correlation depth scales (Schoenholz et al. 2017). */
const TRAINABLE_PER_XI = 6;

function fmt(v: number, digits = 3): string {
  return formatNumber(v, digits);
}

/** "ordered: gradients shrink ×0.76 per layer, ξ_c ≈ 3.6 layers, about 22 layers trainable". */
export function phaseSentence(r: SignalResult, q0: number): string {
  switch (r.fixedPoint) {
    case 'none': {
      const l = r.q.length - 1;
      const growth = l > 0 ? Math.pow(r.q[l] / Math.max(r.q[0], 1e-300), 1 / l) : NaN;
      return `no fixed point: the variance grows without bound${
        Number.isFinite(growth) ? ` (×${fmt(growth)} per layer on average)` : ''
      }, so activations explode.`;
    }
    case 'several': {
      const last = r.q[r.q.length - 1];
      const where = Number.isFinite(last)
        ? `q ≈ ${fmt(last)} after ${r.q.length - 1} layers`
        : 'overflow';
      return `several attractors (${r.stableFixedPoints.map((q) => `q* = ${fmt(q)}`).join(', ')}${
        r.stableFixedPoints.length > 0 ? ' and ' : ''
      }unbounded growth): from q⁰ = ${fmt(q0)} the variance reaches ${where}; another start reaches another, so no single χ* is reported.`;
    }
    case 'one':
    case 'every': {
      const chi = r.chiStar ?? NaN;
      if (Math.abs(chi - 1) < 1e-3) {
        return `edge of chaos: χ* = ${fmt(chi, 4)}, gradients keep their size layer after layer; ξ_c is unbounded.`;
      }
      if (chi < 1) {
        const xi = r.xiC ?? NaN;
        return `ordered: gradients shrink ×${fmt(chi, 2)} per layer, ξ_c ≈ ${fmt(xi, 2)} layers, about ${Math.round(
          TRAINABLE_PER_XI * xi,
        )} layers trainable.`;
      }
      return `chaotic: gradients grow ×${fmt(chi, 2)} per layer (they explode), nearby inputs decorrelate.`;
    }
  }
}

/** Dead fraction and output mean at the first and last layer (the lecture's dead ReLU, not zero-centred). */
export function unitsSentence(r: SignalResult): string {
  const last = r.q.length - 1;
  const dead = (l: number) => `${fmt(100 * r.deadFraction[l], 3)} %`;
  const mean = (l: number) => fmt(r.meanOutput[l], 3);
  const centred = Math.abs(r.meanOutput[last]) > 0.05 ? 'not zero-centred' : 'about zero-centred';
  return `dead units (φ′ = 0): ${dead(0)} at layer 0, ${dead(last)} at layer ${last}; output mean ${mean(
    0,
  )} → ${mean(last)} (${centred}).`;
}

/**
 * The worst layer's relative gap between the seeds' mean h² and the theory's q^l: what "the points land on
 * the curve" means, in one number.
 */
export function worstLayerGap(
  q: readonly number[],
  runs: readonly { meanSquare: ArrayLike<number> }[],
): number {
  let worst = 0;
  for (let l = 0; l < q.length; l++) {
    const mean = runs.reduce((a, run) => a + run.meanSquare[l], 0) / runs.length;
    worst = Math.max(worst, Math.abs(mean / q[l] - 1));
  }
  return worst;
}

/** What the finished simulation shows, and why its points wander near the edge of chaos. */
export function simulationSentence(
  seeds: number,
  width: number,
  batch: number,
  worst: number,
): string {
  return (
    `${seeds} random networks (width ${width}, batch ${batch}): mean h² within ` +
    `${(100 * worst).toFixed(1)} % of the theory at every layer. Finite width wanders, most near the ` +
    `edge of chaos; the band is the seeds' spread.`
  );
}
