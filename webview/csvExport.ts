/**
 * The CSV export of the plotted values: what the chart shows, never `Infinity` or `NaN`.
 *
 * Convention: a value the chart draws where it is (finite, |v| ≤ 1e300) is written at full precision. A
 * value the chart cannot draw there — beyond ±1e300 (drawn clipped at the edge, its legend marked
 * "clipped"), ±∞ or undefined (left out, a gap) — is written as an empty cell, and a last column `note`,
 * present only when some row needs it, names each such cell and why, e.g. `leaky_relu f = -∞`. Pure (no
 * DOM, no chart.js): the unit suite checks it on curves from the core.
 */
import { PLOT_LIMIT } from '../src/plotLimits';
import type { SeriesState } from '../src/protocol';
import type { SeriesCurves } from './curves';

/** The cell for `v`, and why it is empty when it is (undefined when the value is written). */
export function csvCell(v: number): { cell: string; note?: string } {
  if (Number.isNaN(v)) {
    return { cell: '', note: 'undefined' };
  }
  if (v === Infinity || v === -Infinity) {
    return { cell: '', note: v > 0 ? '= +∞' : '= -∞' };
  }
  if (Math.abs(v) > PLOT_LIMIT) {
    return { cell: '', note: v > 0 ? `> ${PLOT_LIMIT}` : `< -${PLOT_LIMIT}` };
  }
  // Full precision: a CSV is for reuse, not reading.
  return { cell: String(v) };
}

/** `(name=value …)` after an id, as the CSV header and the readout label a series. */
export function paramSuffix(s: SeriesState): string {
  const entries = Object.entries(s.params);
  return entries.length ? `(${entries.map(([k, v]) => `${k}=${v}`).join(' ')})` : '';
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** CSV of every plotted value: x, then one column per visible curve of each series (see above). */
export function curvesToCsv(curves: readonly SeriesCurves[]): string {
  if (curves.length === 0) {
    return 'x\n';
  }
  const cols: { name: string; values: Float64Array }[] = [{ name: 'x', values: curves[0].xs }];
  for (const c of curves) {
    const label = `${c.series.id}${paramSuffix(c.series)}`;
    if (c.series.show.f) {
      cols.push({ name: `${label} f`, values: c.y });
    }
    if (c.series.show.df) {
      cols.push({ name: `${label} df`, values: c.dy });
    }
    if (c.series.show.d2f) {
      cols.push({ name: `${label} d2f`, values: c.d2y });
    }
  }
  const rows: string[][] = [];
  let noted = false;
  for (let k = 0; k < curves[0].xs.length; k++) {
    const notes: string[] = [];
    const row = cols.map((c) => {
      const { cell, note } = csvCell(c.values[k]);
      if (note) {
        notes.push(`${c.name} ${note}`);
      }
      return cell;
    });
    noted ||= notes.length > 0;
    rows.push(notes.length > 0 ? [...row, quote(notes.join('; '))] : row);
  }
  const header = cols.map((c) => c.name);
  const lines = [(noted ? [...header, 'note'] : header).map(quote).join(',')];
  for (const row of rows) {
    // Every row has the note column once one has: an empty last cell when it needs none.
    lines.push((noted && row.length === cols.length ? [...row, ''] : row).join(','));
  }
  return lines.join('\n') + '\n';
}
