import { formatNumber } from '../src/core/numberFormat';
import type { Theme } from './theme';

/** "#rrggbb" or "rgb(r, g, b)" → [r, g, b]; grey when unreadable. */
function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{6})/i.exec(colour.trim());
  if (hex) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = /rgba?\((\d+)\D+(\d+)\D+(\d+)/.exec(colour);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128];
}

/**
 * Draws a matrix as a diverging heat map (positive in the first series colour, negative in the fifth,
 * intensity by |value| / max) and mirrors it into a table for screen readers.
 */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  table: HTMLTableElement,
  m: number[][],
  labels: string[],
  theme: Theme,
  digits: number,
): void {
  const n = m.length;
  const cell = Math.max(14, Math.min(48, Math.floor(240 / Math.max(1, n))));
  canvas.width = n * cell;
  canvas.height = n * cell;
  canvas.setAttribute(
    'aria-label',
    `Jacobian heat map, ${n} by ${n}; values in the table that follows`,
  );
  const ctx = canvas.getContext('2d');
  const max = Math.max(1e-300, ...m.flat().map(Math.abs));
  const pos = rgb(theme.series[0]);
  const neg = rgb(theme.series[4]);
  if (ctx) {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = m[i][j];
        const [r, g, b] = v >= 0 ? pos : neg;
        ctx.fillStyle = `rgba(${r}, ${g}, ${b}, ${Math.abs(v) / max})`;
        ctx.fillRect(j * cell, i * cell, cell - 1, cell - 1);
      }
    }
  }
  table.replaceChildren();
  table.createCaption().textContent = 'Jacobian ∂yᵢ/∂zⱼ';
  const head = table.createTHead().insertRow();
  head.append(document.createElement('th'));
  for (const l of labels) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = l;
    head.append(th);
  }
  const body = table.createTBody();
  m.forEach((row, i) => {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = `y${i + 1}`;
    tr.append(th);
    for (const v of row) {
      tr.insertCell().textContent = formatNumber(v, digits);
    }
  });
}
