import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartDataset,
  type LegendItem,
} from 'chart.js';
import { getActivation } from '../src/core/activations';
import { beyondPlot, clipForPlot, niceBounds, yBounds } from '../src/plotLimits';
import type { Curve } from '../src/protocol';
import type { SeriesCurves } from './curves';
import { crosshairPlugin, kinkPlugin, shadePlugin, type ChartModel } from './chartPlugins';
import type { Theme } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend);

type LineDataset = ChartDataset<'line', { x: number; y: number }[]>;

/** Said in a curve's legend label when some of its values are beyond what the chart draws. */
export const CLIPPED_LABEL = '|y| > 1e300 clipped';

const DASH: Record<Curve, number[]> = { f: [], df: [6, 4], d2f: [2, 3] };
const MARK: Record<Curve, string> = { f: '', df: '′', d2f: '″' };

/**
 * Indices k where the segment from point k to k+1 straddles a kink and the curve jumps there: its rise is
 * several times that of the segments beside it.
 */
function jumpsAtKinks(xs: Float64Array, ys: Float64Array, kinks: readonly number[]): Set<number> {
  const out = new Set<number>();
  const n = xs.length;
  if (n < 4 || kinks.length === 0) {
    return out;
  }
  const step = (xs[n - 1] - xs[0]) / (n - 1);
  for (const kink of kinks) {
    const k = Math.min(n - 2, Math.max(0, Math.floor((kink - xs[0]) / step)));
    // The kink may sit on a grid point: check the segments on both sides of it.
    for (const j of [k - 1, k]) {
      if (j < 1 || j + 2 >= n) {
        continue;
      }
      const rise = Math.abs(ys[j + 1] - ys[j]);
      const beside = Math.max(Math.abs(ys[j] - ys[j - 1]), Math.abs(ys[j + 2] - ys[j + 1]));
      if (rise > 4 * beside + 1e-9) {
        out.add(j);
      }
    }
  }
  return out;
}

/** What the chart tells its owner: the user changed the range, a toggle, or where the crosshair is. */
export interface ChartCallbacks {
  onRange(range: [number, number]): void;
  onToggle(seriesIndex: number, curve: Curve): void;
  onCrosshair(x: number | undefined): void;
}

/** Display name of an activation, falling back to its id. */
export function nameOf(id: string): string {
  try {
    return getActivation(id).name;
  } catch {
    return id;
  }
}

/**
 * The line chart of f, f′, f″ for every series, with low-gradient shading, kink marks and a crosshair
 * (our own small plugins), wheel zoom and drag pan on the x-axis.
 */
export class ChartView {
  readonly chart: Chart<'line'>;
  private readonly model: ChartModel;
  /** Datasets by "seriesIndex:curve", reused across redraws. */
  private readonly datasets = new Map<string, LineDataset>();
  /** The canvas' own label; each update appends the axes' bounds to it. */
  private readonly label: string;

  /** The dataset for `key` with `points` point objects, made on first use. */
  private dataset(key: string, points: number): LineDataset {
    let ds = this.datasets.get(key);
    if (!ds || ds.data.length !== points) {
      ds = {
        data: Array.from({ length: points }, () => ({ x: 0, y: 0 })),
      };
      this.datasets.set(key, ds);
    }
    return ds;
  }

  constructor(
    readonly canvas: HTMLCanvasElement,
    theme: Theme,
    private readonly callbacks: ChartCallbacks,
  ) {
    this.label = canvas.getAttribute('aria-label') ?? 'Activation chart.';
    this.model = { curves: [], threshold: 0.05, shade: true, crosshair: undefined, theme };
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        events: ['click'],
        elements: { point: { radius: 0 }, line: { borderWidth: 2, tension: 0 } },
        scales: { x: { type: 'linear' }, y: { type: 'linear' } },
        plugins: {
          legend: {
            position: 'bottom',
            onClick: (_e, item: LegendItem) => this.legendClick(item),
          },
        },
      },
      plugins: [shadePlugin(this.model), kinkPlugin(this.model), crosshairPlugin(this.model)],
    });
    this.attachPointer();
  }

  /** Redraws everything: datasets from the curves, colours from the theme. Synchronous (no animation). */
  update(
    curves: SeriesCurves[],
    range: [number, number],
    opts: { threshold: number; shade: boolean; theme: Theme },
  ): void {
    Object.assign(this.model, {
      curves,
      threshold: opts.threshold,
      shade: opts.shade,
      theme: opts.theme,
    });
    const t = opts.theme;
    const datasets: LineDataset[] = [];
    const used = new Set<string>();
    const drawn: Float64Array[] = [];
    curves.forEach((c, i) => {
      const colour = t.series[i % t.series.length];
      const name = nameOf(c.series.id);
      for (const curve of ['f', 'df', 'd2f'] as const) {
        if (!c.series.show[curve]) {
          continue;
        }
        const ys = curve === 'f' ? c.y : curve === 'df' ? c.dy : c.d2y;
        const key = `${i}:${curve}`;
        used.add(key);
        drawn.push(ys);
        // A jump (f′ of ReLU at 0, f of hardshrink at ±λ) is not drawn as a vertical stroke, the
        // function takes none of the values in between: a NaN point there makes chart.js break the line
        // (and keeps its fast path, which a per-segment style would not).
        const breaks = jumpsAtKinks(c.xs, ys, c.kinks);
        const ds = this.dataset(key, ys.length + breaks.size);
        // Same dataset objects and point objects every redraw: chart.js keeps its controllers and
        // elements instead of rebuilding them (the difference between ~35 ms and a few ms per slider step).
        const data = ds.data;
        let out = 0;
        for (let k = 0; k < ys.length; k++) {
          data[out].x = c.xs[k];
          // Beyond ±1e300 a value is drawn at the limit (the label says so): chart.js subtracts values.
          data[out++].y = clipForPlot(ys[k]);
          if (breaks.has(k)) {
            data[out].x = (c.xs[k] + c.xs[k + 1]) / 2;
            data[out++].y = NaN;
          }
        }
        const clipped = ys.some(beyondPlot);
        Object.assign(ds, {
          label: `${name} f${MARK[curve]}${clipped ? ` (${CLIPPED_LABEL})` : ''}`,
          borderColor: colour,
          backgroundColor: colour,
          borderDash: DASH[curve],
          borderWidth: curve === 'f' ? 2.5 : 1.75,
        });
        datasets.push(ds);
      }
    });
    for (const key of [...this.datasets.keys()]) {
      if (!used.has(key)) {
        this.datasets.delete(key);
      }
    }
    this.chart.data.datasets = datasets;
    const x = this.chart.options.scales?.x;
    const y = this.chart.options.scales?.y;
    if (x && y) {
      x.min = range[0];
      x.max = range[1];
      // Explicit finite y bounds: chart.js left to itself counts ticks forever for y near ±1.8e308.
      [y.min, y.max] = niceBounds(yBounds(drawn, 0.02));
      // The axes in words, for screen readers (the canvas' tick labels are pixels).
      const num = (v: number) => String(+v.toPrecision(4));
      this.canvas.setAttribute(
        'aria-label',
        `${this.label} Axes: x from ${num(range[0])} to ${num(range[1])}, y from ${num(y.min)} to ${num(y.max)}.`,
      );
      for (const axis of [x, y]) {
        axis.grid = { color: t.grid };
        axis.ticks = { color: t.foreground };
        axis.border = { color: t.foreground };
      }
    }
    const legend = this.chart.options.plugins?.legend;
    if (legend) {
      legend.labels = { color: t.foreground, usePointStyle: false, boxHeight: 2 };
    }
    this.chart.update('none');
  }

  /** Moves the crosshair (x in data units, undefined hides it) and repaints without recomputing. */
  setCrosshair(x: number | undefined): void {
    this.model.crosshair = x;
    this.chart.draw();
  }

  get crosshair(): number | undefined {
    return this.model.crosshair;
  }

  private legendClick(item: LegendItem): void {
    const ds =
      item.datasetIndex === undefined ? undefined : this.chart.data.datasets[item.datasetIndex];
    const key = [...this.datasets].find(([, d]) => d === ds)?.[0] ?? '';
    const [index, curve] = key.split(':');
    if (curve) {
      this.callbacks.onToggle(Number(index), curve as Curve);
    }
  }

  private currentRange(): [number, number] {
    const s = this.chart.scales.x;
    return [s.min, s.max];
  }

  private xAt(clientX: number): number | undefined {
    const rect = this.canvas.getBoundingClientRect();
    const px = clientX - rect.left;
    const area = this.chart.chartArea;
    if (!area || px < area.left || px > area.right) {
      return undefined;
    }
    return this.chart.scales.x.getValueForPixel(px);
  }

  private attachPointer(): void {
    let drag: { startX: number; range: [number, number] } | undefined;
    this.canvas.addEventListener('pointermove', (e) => {
      if (drag) {
        const s = this.chart.scales.x;
        const perPx = (drag.range[1] - drag.range[0]) / Math.max(1, s.right - s.left);
        const dx = (e.clientX - drag.startX) * perPx;
        this.callbacks.onRange([drag.range[0] - dx, drag.range[1] - dx]);
      }
      this.callbacks.onCrosshair(this.xAt(e.clientX));
    });
    this.canvas.addEventListener('pointerleave', () => this.callbacks.onCrosshair(undefined));
    this.canvas.addEventListener('pointerdown', (e) => {
      drag = { startX: e.clientX, range: this.currentRange() };
      this.canvas.setPointerCapture(e.pointerId);
    });
    this.canvas.addEventListener('pointerup', () => {
      drag = undefined;
    });
    this.canvas.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const at = this.xAt(e.clientX);
        this.zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, at);
      },
      { passive: false },
    );
  }

  /** Zooms the x-range by `factor` around `at` (the centre by default). */
  zoom(factor: number, at?: number): void {
    const [lo, hi] = this.currentRange();
    const c = at ?? (lo + hi) / 2;
    const next: [number, number] = [c - (c - lo) * factor, c + (hi - c) * factor];
    if (next[1] - next[0] > 1e-6 && next[1] - next[0] < 1e6) {
      this.callbacks.onRange(next);
    }
  }

  /** Shifts the x-range by a fraction of its width. */
  pan(fraction: number): void {
    const [lo, hi] = this.currentRange();
    const d = (hi - lo) * fraction;
    this.callbacks.onRange([lo + d, hi + d]);
  }

  destroy(): void {
    this.chart.destroy();
  }
}
