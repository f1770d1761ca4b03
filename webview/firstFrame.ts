/**
 * The panel's first frame: the asked-for curves f and f′ drawn straight onto a canvas from the samples the
 * host embedded in the page (src/plot/firstFrameCurves.ts), before chart.js, the core and the panel's
 * controls have loaded. It uses the panel's own range, y-bounds and colours, so the chart that replaces it
 * a moment later shows the same curves in the same place on the axes.
 */
import { clipForPlot, niceBounds, yBounds } from '../src/plotLimits';
import type { FirstFrameCurves } from '../src/protocol';
import { el } from './dom';
import type { Theme } from './theme';

/** Room for the tick labels, in CSS pixels. */
const PAD = { left: 48, right: 12, top: 10, bottom: 26 };

/** Tick positions on [lo, hi] at a round step (1, 2 or 5 × 10ⁿ), about `count` of them. */
function ticks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9 && out.length < 50; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

/** A sample as drawn: a gap (NaN) where the host sent none. */
function value(v: number | null): number {
  return v === null ? NaN : v;
}

/** Appends the first frame to `app` and draws `data` on it; returns its element for the panel to remove. */
export function drawFirstFrame(
  app: HTMLElement,
  data: FirstFrameCurves,
  theme: Theme,
): HTMLElement {
  const canvas = el('canvas', { role: 'img', 'aria-label': 'Activation chart, loading' });
  const wrap = el('div', { class: 'chart-wrap first-frame' }, canvas);
  app.append(wrap);
  const range = data.range;
  const curves = data.curves.map((c) => {
    const n = c.y.length;
    const xs = Array.from(
      { length: n },
      (_, k) => range[0] + (k * (range[1] - range[0])) / (n - 1),
    );
    return { xs, y: c.y.map(value), dy: c.dy.map(value) };
  });
  const w = wrap.clientWidth;
  const h = wrap.clientHeight;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx || w <= PAD.left + PAD.right || h <= PAD.top + PAD.bottom) {
    return wrap;
  }
  ctx.scale(dpr, dpr);
  const [x0, x1] = range;
  // The bounds the chart will use (chartView.ts): every drawn value, 2 % margin, round ends.
  const [y0, y1] = niceBounds(
    yBounds(
      curves.flatMap((c) => [c.y, c.dy]),
      0.02,
    ),
  );
  const px = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (w - PAD.left - PAD.right);
  const py = (y: number) => PAD.top + ((y1 - y) / (y1 - y0)) * (h - PAD.top - PAD.bottom);

  ctx.font = `12px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.foreground;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const x of ticks(x0, x1, 10)) {
    ctx.beginPath();
    ctx.moveTo(px(x), PAD.top);
    ctx.lineTo(px(x), h - PAD.bottom);
    ctx.stroke();
    ctx.fillText(String(+x.toPrecision(6)), px(x), h - PAD.bottom + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of ticks(y0, y1, 8)) {
    ctx.beginPath();
    ctx.moveTo(PAD.left, py(y));
    ctx.lineTo(w - PAD.right, py(y));
    ctx.stroke();
    ctx.fillText(String(+y.toPrecision(6)), PAD.left - 6, py(y));
  }
  curves.forEach((c, i) => {
    ctx.strokeStyle = theme.series[i % theme.series.length];
    for (const [ys, width, dash] of [
      [c.y, 2.5, []],
      [c.dy, 1.75, [6, 4]],
    ] as const) {
      ctx.lineWidth = width;
      ctx.setLineDash(dash);
      ctx.beginPath();
      let pen = false;
      for (let k = 0; k < c.xs.length; k++) {
        const y = clipForPlot(ys[k]);
        if (!Number.isFinite(y)) {
          pen = false;
          continue;
        }
        const Y = Math.min(h, Math.max(0, py(y)));
        if (pen) {
          ctx.lineTo(px(c.xs[k]), Y);
        } else {
          ctx.moveTo(px(c.xs[k]), Y);
          pen = true;
        }
      }
      ctx.stroke();
    }
  });
  ctx.setLineDash([]);
  return wrap;
}
