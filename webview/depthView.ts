import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
} from 'chart.js';
import { getActivation, gradientThroughDepth, listActivations } from '../src/core';
import { nameOf } from './chartView';
import { el, sliderWithNumber, uid } from './dom';
import { formatNumber } from '../src/core/numberFormat';
import type { Page, Report, View } from './page';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend);

/** "1e−6" at exact powers of ten, "" between them (a log axis' default labels print every decimal). */
function powerOfTen(v: number): string {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9 ? `1e${Math.round(e)}`.replace('-', '−') : '';
}

/** torch.nn.init.calculate_gain for the activation (its default parameters), 1 where PyTorch has none. */
function calculateGain(id: string): number {
  const info = getActivation(id);
  return info.gain ? info.gain({}) : 1;
}

/**
 * Gradient through depth: χ = g²·E[f′(x)²] per layer and χᴺ after N layers for x ~ N(μ + bias, σ²), on a
 * log axis, for several activations side by side, with dead-unit fraction and output mean.
 */
export class DepthView implements View {
  readonly root: HTMLElement;
  private readonly chart: Chart<'line'>;
  private readonly table = el('table', { class: 'data-table' });
  private readonly error = el('p', { class: 'error', role: 'alert' });

  constructor(
    private readonly page: Page,
    private readonly report: Report,
  ) {
    const d = page.state.depth;
    const numberSetting = (
      label: string,
      key: 'layers' | 'mu' | 'sigma' | 'bias',
      min: number,
      max: number,
      step: number,
      ok: (v: number) => boolean,
    ) =>
      sliderWithNumber({
        label,
        min,
        max,
        step,
        value: d[key],
        onValue: (v) => {
          if (Number.isFinite(v) && ok(v)) {
            d[key] = key === 'layers' ? Math.round(v) : v;
            this.error.textContent = '';
            this.redraw();
          } else {
            this.error.textContent = `${label}: ${v} is out of range; keeping ${d[key]}.`;
          }
        },
      }).root;
    const choices = el('fieldset', { class: 'depth-ids' }, el('legend', { text: 'Activations' }));
    for (const a of listActivations()) {
      if (a.kind !== 'scalar') {
        continue;
      }
      const id = uid('depth');
      const box = el('input', { type: 'checkbox', id, checked: d.ids.includes(a.id) });
      box.addEventListener('change', () => {
        d.ids = box.checked ? [...d.ids, a.id] : d.ids.filter((x) => x !== a.id);
        this.redraw();
      });
      choices.append(el('span', { class: 'toggle' }, box, el('label', { for: id, text: a.name })));
    }
    const gainId = uid('gain');
    const gain = el(
      'select',
      { id: gainId },
      el('option', { value: '', text: 'calculate_gain(activation)', selected: d.gain === null }),
      el('option', { value: '1', text: '1 (no gain)', selected: d.gain === 1 }),
      el('option', {
        value: String(Math.SQRT2),
        text: '√2 (He / ReLU)',
        selected: d.gain === Math.SQRT2,
      }),
      el('option', { value: String(5 / 3), text: '5/3 (tanh)', selected: d.gain === 5 / 3 }),
    );
    gain.addEventListener('change', () => {
      d.gain = gain.value === '' ? null : Number(gain.value);
      this.redraw();
    });
    const canvas = el('canvas', {
      role: 'img',
      'aria-label': 'Gradient gain through depth, log scale; values in the table below',
    });
    this.root = el(
      'section',
      { class: 'view depth-view', 'aria-label': 'Gradient through depth' },
      el(
        'div',
        { class: 'toolbar' },
        numberSetting('Layers N', 'layers', 1, 100, 1, (v) => v >= 1 && v <= 200),
        numberSetting('Input mean μ', 'mu', -3, 3, 0.05, (v) => Math.abs(v) <= 10),
        numberSetting('Input std σ', 'sigma', 0.05, 5, 0.05, (v) => v > 0 && v <= 10),
        numberSetting('Bias (e.g. 0.1 for ReLU)', 'bias', -1, 1, 0.01, (v) => Math.abs(v) <= 10),
        el('label', { for: gainId, text: 'Weight gain' }),
        gain,
      ),
      choices,
      this.error,
      el('div', { class: 'chart-wrap' }, canvas),
      this.table,
    );
    this.chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        parsing: false,
        responsive: true,
        maintainAspectRatio: false,
        elements: { point: { radius: 2 } },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'layer k' } },
          y: {
            type: 'logarithmic',
            title: { display: true, text: 'χᵏ (gradient norm ratio)' },
            // Powers of ten only, as 1e−20: the default prints every decimal.
            ticks: { callback: (v) => powerOfTen(Number(v)) },
          },
        },
      },
    });
  }

  refresh(): void {
    this.redraw();
  }

  redraw(): void {
    const t0 = performance.now();
    const d = this.page.state.depth;
    const t = this.page.theme;
    const digits = this.page.settings.significantDigits;
    const f = (v: number) => formatNumber(v, digits);
    const rows: {
      id: string;
      gain: number;
      chi: number;
      last: number;
      dead: number;
      mean: number;
    }[] = [];
    const datasets: Chart<'line'>['data']['datasets'] = [];
    const errors: string[] = [];
    d.ids.forEach((id, i) => {
      try {
        const g = d.gain ?? calculateGain(id);
        const r = gradientThroughDepth(id, {
          mu: d.mu,
          sigma: d.sigma,
          gain: g,
          bias: d.bias,
          depth: d.layers,
        });
        const colour = t.series[i % t.series.length];
        datasets.push({
          label: nameOf(id),
          // A log axis cannot show 0 or ∞ (underflow/overflow): those points are left out.
          data: r.cumulative.map((v: number, k: number) => ({
            x: k + 1,
            y: v > 0 && Number.isFinite(v) ? v : NaN,
          })),
          borderColor: colour,
          backgroundColor: colour,
        });
        rows.push({
          id,
          gain: g,
          chi: r.chi,
          last: r.cumulative[r.cumulative.length - 1],
          dead: r.deadFraction,
          mean: r.meanOutput,
        });
      } catch (e) {
        errors.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    this.error.textContent = errors.join('\n');
    this.chart.data.datasets = datasets;
    for (const axis of Object.values(this.chart.options.scales ?? {})) {
      if (axis) {
        axis.ticks = { ...axis.ticks, color: t.foreground };
        axis.grid = { color: t.grid };
        if ('title' in axis && axis.title) {
          axis.title.color = t.foreground;
        }
      }
    }
    const legend = this.chart.options.plugins?.legend;
    if (legend) {
      legend.labels = { color: t.foreground };
    }
    this.chart.update('none');
    this.table.replaceChildren();
    this.table.createCaption().textContent = `After ${d.layers} layers, input N(${f(d.mu)} + ${f(d.bias)}, ${f(d.sigma)}²)`;
    const head = this.table.createTHead().insertRow();
    for (const h of [
      'Activation',
      'gain g',
      'χ per layer',
      `χᴺ (N = ${d.layers})`,
      'dead fraction',
      'output mean',
    ]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.append(th);
    }
    const body = this.table.createTBody();
    for (const r of rows) {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = nameOf(r.id);
      tr.append(th);
      for (const v of [r.gain, r.chi, r.last, r.dead, r.mean]) {
        tr.insertCell().textContent = f(v);
      }
    }
    this.page.save();
    this.report(
      rows.map((r) => ({ id: r.id, params: {}, curves: ['df'], points: d.layers })),
      [1, Math.max(2, d.layers)],
      performance.now() - t0,
      rows.map((_r, i) => t.series[i % t.series.length]),
    );
  }
}
