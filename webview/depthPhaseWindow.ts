/**
 * Which (σ_w², σ_b²) window the phase diagram covers, and its χ* grid, computed again only when the
 * activation, its parameters or q⁰ change or the point leaves the window: dragging the point moves only
 * the point.
 */
import { criticalSigmaW2, phaseDiagram, type PhaseDiagram } from '../src/core/signal';
import type { SignalState } from '../src/protocol';

/** Cells per side of the diagram. */
const CELLS = 64;

/** A computed diagram and the window it covers. */
export interface PhaseWindow {
  readonly d: PhaseDiagram;
  readonly w: [number, number];
  readonly b: [number, number];
}

/** 1, 2, 2.5, 5 × 10ⁿ at or above v. */
function niceCeil(v: number): number {
  const e = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * e >= v) {
      return m * e;
    }
  }
  return 10 * e;
}

export class PhaseWindows {
  private last: (PhaseWindow & { key: string }) | undefined;

  /** The diagram for `s`: the last one when it still applies, else a new one around the edge of chaos. */
  for(s: SignalState): PhaseWindow {
    const d = this.last;
    const fits = d && s.sigmaW2 <= d.w[1] && s.sigmaB2 <= d.b[1];
    const key = JSON.stringify([s.id, s.params, s.q0]);
    if (d && d.key === key && fits) {
      return d;
    }
    // Wide enough to show the edge of chaos (at σ_b² = 0.05) and the current point with room around it.
    const crit = criticalSigmaW2(s.id, s.params, 0.05);
    const w: [number, number] = [0, niceCeil(Math.max(4, 1.5 * (crit ?? 0), 1.25 * s.sigmaW2))];
    const b: [number, number] = [0, niceCeil(Math.max(0.5, 1.25 * s.sigmaB2))];
    const diagram = phaseDiagram(s.id, s.params, {
      sigmaW2: w,
      sigmaB2: b,
      columns: CELLS,
      rows: CELLS,
      q0: s.q0,
    });
    this.last = { key, d: diagram, w, b };
    return this.last;
  }
}
