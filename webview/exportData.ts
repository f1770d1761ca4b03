import { evaluate } from '../src/core/activations';
import { formatNumber } from '../src/core/numberFormat';
import type { SeriesState } from '../src/protocol';
import { nameOf } from './chartView';
import { paramSuffix } from './csvExport';

/** Per-series f, f′ (and f″ when shown) at one x, as lines for the readout and the clipboard. */
export function valuesAt(series: readonly SeriesState[], x: number, digits: number): string[] {
  const lines = [`x = ${formatNumber(x, digits)}`];
  for (const s of series) {
    try {
      const e = evaluate(s.id, x, s.params);
      const parts = [`f = ${formatNumber(e.y, digits)}`, `f′ = ${formatNumber(e.dy, digits)}`];
      if (s.show.d2f) {
        parts.push(`f″ = ${formatNumber(e.d2y, digits)}`);
      }
      lines.push(`${nameOf(s.id)}${paramSuffix(s)}: ${parts.join(', ')}`);
    } catch (e) {
      lines.push(`${s.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return lines;
}

/** The chart as a PNG data URL on the theme's background (the canvas itself is transparent). */
export function chartPng(canvas: HTMLCanvasElement, background: string): string {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (!ctx) {
    return canvas.toDataURL('image/png');
  }
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  return out.toDataURL('image/png');
}

/** Fills `table` with f and f′ of each series at 21 evenly spaced points: the chart for screen readers. */
export function fillDataTable(
  table: HTMLTableElement,
  series: readonly SeriesState[],
  range: readonly [number, number],
  digits: number,
): void {
  table.replaceChildren();
  const caption = table.createCaption();
  caption.textContent = 'Plotted values at evenly spaced x';
  const head = table.createTHead().insertRow();
  const th = (row: HTMLTableRowElement, text: string, scope: 'col' | 'row') => {
    const cell = document.createElement('th');
    cell.scope = scope;
    cell.textContent = text;
    row.appendChild(cell);
  };
  th(head, 'x', 'col');
  for (const s of series) {
    th(head, `${nameOf(s.id)} f`, 'col');
    th(head, `${nameOf(s.id)} f′`, 'col');
  }
  const body = table.createTBody();
  for (let k = 0; k <= 20; k++) {
    const x = range[0] + ((range[1] - range[0]) * k) / 20;
    const row = body.insertRow();
    th(row, formatNumber(x, digits), 'row');
    for (const s of series) {
      let e = { y: NaN, dy: NaN };
      try {
        e = evaluate(s.id, x, s.params);
      } catch {
        // Shown as NaN: the series' error is reported beside its controls.
      }
      row.insertCell().textContent = formatNumber(e.y, digits);
      row.insertCell().textContent = formatNumber(e.dy, digits);
    }
  }
}
