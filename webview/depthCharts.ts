/**
 * The depth view's two linked line charts: q^l and χ^l per layer (theory as lines, the simulated
 * networks as points with their spread over seeds as a band), and the cumulative gradient factor from
 * each layer to the output, ∏χ, on a log axis.
 */
import {
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { SignalResult } from '../src/core/signal';
import type { SimulationRuns } from './depthSimulation';
import type { Theme } from './theme';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Filler,
  Tooltip,
);

type Point = { x: number; y: number };
type Datasets = Chart<'line'>['data']['datasets'];

/** "1e−6" at exact powers of ten, "" between them (a log axis' default labels print every decimal). */
function powerOfTen(v: number): string {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9 ? `1e${Math.round(e)}`.replace('-', '−') : '';
}

/** Finite positive values only: a log axis cannot show 0 or ∞. */
function positive(ys: ArrayLike<number>, from = 0): Point[] {
  const out: Point[] = [];
  for (let l = from; l < ys.length; l++) {
    const y = ys[l];
    out.push({ x: l, y: y > 0 && Number.isFinite(y) ? y : NaN });
  }
  return out;
}

/** Per layer over seeds: geometric mean, minimum and maximum of `pick(run)[l]`. */
export function spread(
  runs: SimulationRuns,
  depth: number,
  pick: (run: SimulationRuns[number], l: number) => number,
): { mean: number[]; lo: number[]; hi: number[] } {
  const mean: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (let l = 0; l <= depth; l++) {
    const vs = runs.map((r) => pick(r, l));
    mean.push(vs.reduce((s, v) => s + v, 0) / vs.length);
    lo.push(Math.min(...vs));
    hi.push(Math.max(...vs));
  }
  return { mean, lo, hi };
}

/** ∏_{k=l}^{L−1} χ^k: the factor on ‖∂y/∂h‖² from the output back to layer l. */
export function cumulativeFromOutput(chi: readonly number[]): number[] {
  const depth = chi.length - 1;
  const out = new Array<number>(depth + 1);
  let p = 1;
  for (let l = depth; l >= 0; l--) {
    out[l] = p;
    p *= chi[l - 1] ?? 1;
  }
  return out;
}

function lineChart(canvas: HTMLCanvasElement, y: Record<string, unknown>): Chart<'line'> {
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      parsing: false,
      responsive: true,
      maintainAspectRatio: false,
      elements: { point: { radius: 0 }, line: { borderWidth: 2 } },
      plugins: {
        // The band's edges are drawn but not listed.
        legend: { labels: { boxHeight: 2, filter: (i) => !/\((min|max)\)$/.test(i.text) } },
      },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'layer l' } },
        ...y,
      },
    },
  });
}

export class DepthCharts {
  readonly signal: Chart<'line'>;
  readonly gradient: Chart<'line'>;

  constructor(signalCanvas: HTMLCanvasElement, gradientCanvas: HTMLCanvasElement) {
    this.signal = lineChart(signalCanvas, {
      q: {
        type: 'logarithmic',
        position: 'left',
        title: { display: true, text: 'q^l = E[h²]' },
        ticks: { callback: (v: unknown) => powerOfTen(Number(v)) },
      },
      chi: {
        type: 'linear',
        position: 'right',
        title: { display: true, text: 'χ^l per layer' },
        grid: { drawOnChartArea: false },
      },
    });
    this.gradient = lineChart(gradientCanvas, {
      y: {
        type: 'logarithmic',
        title: { display: true, text: '‖∂y/∂h^l‖² ÷ ‖∂y/∂h^L‖² = ∏χ' },
        ticks: { callback: (v: unknown) => powerOfTen(Number(v)) },
      },
    });
  }

  /** Theory lines always; simulated points and bands when runs are given. */
  update(theory: SignalResult, runs: SimulationRuns | undefined, t: Theme): void {
    const depth = theory.q.length - 1;
    const [qColour, chiColour, simColour] = [t.series[0], t.series[1], t.foreground];
    const signal: Datasets = [
      { label: 'q (theory)', data: positive(theory.q), borderColor: qColour, yAxisID: 'q' },
      {
        label: 'χ (theory)',
        data: positive(theory.chi),
        borderColor: chiColour,
        borderDash: [6, 3],
        yAxisID: 'chi',
      },
    ];
    const gradient: Datasets = [
      {
        label: '∏χ (theory)',
        data: positive(cumulativeFromOutput(theory.chi)),
        borderColor: chiColour,
      },
    ];
    if (runs && runs.length > 0) {
      const q = spread(runs, depth, (r, l) => r.meanSquare[l]);
      const chi = spread(runs, depth - 1, (r, l) => r.gradientNorm[l] / r.gradientNorm[l + 1]);
      // Geometric means for ∏χ: the runs spread over orders of magnitude.
      const g = spread(runs, depth, (r, l) => Math.log(r.gradientNorm[l] / r.gradientNorm[depth]));
      signal.push(...band('q simulated', q, qColour, simColour, 'q'));
      signal.push(...band('χ simulated', chi, chiColour, simColour, 'chi'));
      gradient.push(
        ...band(
          '∏χ simulated',
          { mean: g.mean.map(Math.exp), lo: g.lo.map(Math.exp), hi: g.hi.map(Math.exp) },
          chiColour,
          simColour,
          'y',
        ),
      );
    }
    this.signal.data.datasets = signal;
    this.gradient.data.datasets = gradient;
    for (const chart of [this.signal, this.gradient]) {
      for (const axis of Object.values(chart.options.scales ?? {})) {
        if (axis) {
          axis.ticks = { ...axis.ticks, color: t.foreground };
          if (axis.grid) {
            axis.grid.color = t.grid;
          }
          if ('title' in axis && axis.title) {
            axis.title.color = t.foreground;
          }
        }
      }
      const legend = chart.options.plugins?.legend;
      if (legend) {
        legend.labels = { ...legend.labels, color: t.foreground };
      }
      chart.update('none');
    }
  }
}

/** Mean as points, the seeds' min…max as a translucent band (two lines filled between). */
function band(
  label: string,
  s: { mean: number[]; lo: number[]; hi: number[] },
  colour: string,
  edge: string,
  yAxisID: string,
): Datasets {
  return [
    {
      label,
      data: positive(s.mean),
      borderColor: edge,
      backgroundColor: colour,
      showLine: false,
      pointRadius: 3,
      yAxisID,
    },
    { label: `${label} (min)`, data: positive(s.lo), borderWidth: 0, pointRadius: 0, yAxisID },
    {
      label: `${label} (max)`,
      data: positive(s.hi),
      borderWidth: 0,
      pointRadius: 0,
      backgroundColor: /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}40` : 'rgba(128, 128, 128, 0.25)',
      fill: '-1',
      yAxisID,
    },
  ];
}
