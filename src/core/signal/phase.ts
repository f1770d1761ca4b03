/**
 * The phase diagram over (σ_w², σ_b²): χ* at the fixed point the variance map reaches from q0, per
 * cell, and the edge-of-chaos curve. Cells interpolate the moment table (exact moments on a grid of q,
 * ten per decade), so a 64 × 64 diagram costs one table; the readouts of the chosen point are exact
 * (signalPropagation).
 */
import type { Params } from '../types';
import { checkRange, checkScalarId, checkWhole } from './checks';
import { fixedPointsOf, reachedFrom } from './fixedPoints';
import { MAX_VARIANCE } from './propagation';
import { momentTable } from './table';

/** What a cell's χ* means: one attractor; several (χ* is the one reached from q0); q diverges. */
export const CellState = { One: 0, Several: 1, Diverges: 2 } as const;

export interface PhaseDiagramOptions {
  readonly sigmaW2: readonly [number, number];
  readonly sigmaB2: readonly [number, number];
  readonly columns: number;
  readonly rows: number;
  readonly q0: number;
}

export interface PhaseDiagram {
  /** Cell centres along σ_w² (columns) and σ_b² (rows, ascending). */
  readonly sigmaW2: Float64Array;
  readonly sigmaB2: Float64Array;
  /** χ* per cell, row-major (row 0 is the smallest σ_b²); ∞ where q diverges. */
  readonly chiStar: Float64Array;
  readonly state: Uint8Array;
  /** The edge of chaos χ* = 1 as polylines of (σ_w², σ_b²) inside the window. */
  readonly edge: { sigmaW2: number; sigmaB2: number }[][];
}

function axis(id: string, name: string, r: readonly [number, number], n: number): Float64Array {
  if (!Array.isArray(r) || r.length !== 2) {
    throw new Error(`${id}: ${name} must be a [min, max] pair`);
  }
  const lo = checkRange(id, `${name} min`, r[0], 0, MAX_VARIANCE);
  const hi = checkRange(id, `${name} max`, r[1], lo, MAX_VARIANCE);
  return Float64Array.from({ length: n }, (_, k) => lo + ((k + 0.5) * (hi - lo)) / n);
}

export function phaseDiagram(id: string, params: Params, o: PhaseDiagramOptions): PhaseDiagram {
  checkScalarId(id, 'phaseDiagram');
  const columns = checkWhole(id, 'columns', o.columns, 1, 512);
  const rows = checkWhole(id, 'rows', o.rows, 1, 512);
  const q0 = checkRange(id, 'q0', o.q0, 0, 1e6);
  const ws = axis(id, 'sigmaW2', o.sigmaW2, columns);
  const bs = axis(id, 'sigmaB2', o.sigmaB2, rows);
  const t = momentTable(id, params);
  const v0 = t.moments.at(q0).meanSquare;
  const chiStar = new Float64Array(columns * rows);
  const state = new Uint8Array(columns * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const k = r * columns + c;
      const fp = fixedPointsOf(t, ws[c], bs[r], false);
      const q = reachedFrom(fp, q0, ws[c] * v0 + bs[r] - q0);
      if (q === undefined) {
        chiStar[k] = Infinity;
        state[k] = CellState.Diverges;
      } else {
        chiStar[k] = ws[c] * t.slopeAt(q);
        state[k] = fp.kind === 'several' ? CellState.Several : CellState.One;
      }
    }
  }
  return { sigmaW2: ws, sigmaB2: bs, chiStar, state, edge: edgeCurve(t, o) };
}

/**
 * The edge traced by its fixed point: for each q*, σ_w² = 1/E[φ′²] and σ_b² = q* − σ_w² E[φ²], kept
 * where that fixed point attracts (map slope ≤ 1) and the pair falls inside the window.
 */
function edgeCurve(
  t: ReturnType<typeof momentTable>,
  o: PhaseDiagramOptions,
): { sigmaW2: number; sigmaB2: number }[][] {
  const lines: { sigmaW2: number; sigmaB2: number }[][] = [];
  let line: { sigmaW2: number; sigmaB2: number }[] = [];
  const inside = (w: number, b: number) =>
    w >= o.sigmaW2[0] && w <= o.sigmaW2[1] && b >= o.sigmaB2[0] && b <= o.sigmaB2[1];
  const start = t.meanSquare[0] === 0 ? 0 : 1;
  for (let i = start; i < t.size; i++) {
    const c = t.meanSquaredSlope[i];
    const w = 1 / c;
    const b = t.qs[i] - w * t.meanSquare[i];
    const ok = c > 0 && Number.isFinite(w) && w * t.dMeanSquare[i] <= 1 + 1e-9 && inside(w, b);
    if (ok) {
      line.push({ sigmaW2: w, sigmaB2: Math.max(0, b) });
    } else if (line.length > 0) {
      lines.push(line);
      line = [];
    }
  }
  if (line.length > 0) {
    lines.push(line);
  }
  return lines.filter((l) => l.length > 1);
}
