import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale } from 'chart.js';
import { evaluateVector, listActivations } from '../src/core/activations';
import { el, sliderWithNumber, uid } from './dom';
import { formatNumber } from '../src/core/numberFormat';
import { clipForPlot, niceBounds, yBounds } from '../src/plotLimits';
import { drawHeatmap } from './heatmap';
import type { Page, Report, View } from './page';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

/** log Σ exp(z) the stable way: m + log Σ exp(z − m). */
function logSumExp(z: readonly number[]): number {
  const m = Math.max(...z);
  return m + Math.log(z.reduce((acc, v) => acc + Math.exp(v - m), 0));
}

/**
 * Softmax family: editable logits and temperature, bars of probabilities and log-probabilities, the
 * Jacobian ∂yᵢ/∂zⱼ as a heat map, and why log-softmax is z − logsumexp(z).
 */
export class SoftmaxView implements View {
  readonly root: HTMLElement;
  private readonly chart: Chart<'bar'>;
  private readonly logitsBox = el('div', {
    class: 'logits',
    role: 'group',
    'aria-label': 'Logits',
  });
  private readonly heat = el('canvas', { class: 'heatmap', role: 'img' });
  private readonly heatTable = el('table', { class: 'visually-hidden' });
  private readonly explain = el('pre', { class: 'readout', 'aria-live': 'polite' });
  private readonly error = el('p', { class: 'error', role: 'alert' });
  /** Why what was asked for is shown here (a vector activation asked to be overlaid on the chart). */
  private readonly notice = el('p', { class: 'notice', role: 'status' });
  private readonly select: HTMLSelectElement;

  constructor(
    private readonly page: Page,
    private readonly report: Report,
  ) {
    const sm = page.state.softmax;
    const selectId = uid('softmax');
    this.select = el('select', { id: selectId });
    for (const a of listActivations()) {
      // Every vector activation, gated ones included: a link may open any of them here.
      if (a.kind === 'vector') {
        this.select.append(el('option', { value: a.id, text: a.name, selected: a.id === sm.id }));
      }
    }
    this.select.addEventListener('change', () => {
      sm.id = this.select.value;
      this.redraw();
    });
    const temperature = sliderWithNumber({
      label: 'Temperature T (softmax of z/T)',
      min: 0.05,
      max: 10,
      step: 0.05,
      value: sm.temperature,
      onValue: (v) => {
        if (Number.isFinite(v) && v > 0) {
          sm.temperature = v;
          this.redraw();
        } else {
          this.error.textContent = 'The temperature must be a positive number.';
        }
      },
    });
    const canvas = el('canvas', {
      role: 'img',
      'aria-label': 'Probabilities and log-probabilities',
    });
    const add = el('button', { type: 'button', text: 'Add logit' });
    add.addEventListener('click', () => {
      sm.logits.push(0);
      this.buildLogits();
      this.redraw();
    });
    const large = el('button', { type: 'button', text: 'Try huge logits' });
    large.addEventListener('click', () => {
      sm.logits = [1000, 999, 990];
      this.buildLogits();
      this.redraw();
    });
    this.root = el(
      'section',
      { class: 'view softmax-view', 'aria-label': 'Softmax' },
      el(
        'div',
        { class: 'toolbar' },
        el('label', { for: selectId, text: 'Function' }),
        this.select,
        temperature.root,
      ),
      el('div', { class: 'toolbar' }, this.logitsBox, add, large),
      this.notice,
      this.error,
      el('div', { class: 'chart-wrap short' }, canvas),
      el(
        'div',
        { class: 'softmax-bottom' },
        el('figure', {}, this.heat, el('figcaption', { text: 'Jacobian ∂yᵢ/∂zⱼ' })),
        this.explain,
      ),
      this.heatTable,
    );
    this.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { position: 'left' },
          y1: { position: 'right', grid: { drawOnChartArea: false } },
        },
      },
    });
    this.buildLogits();
  }

  private buildLogits(): void {
    const sm = this.page.state.softmax;
    this.logitsBox.replaceChildren(
      ...sm.logits.map((v, i) => {
        const input = el('input', {
          type: 'number',
          step: 'any',
          value: v,
          'aria-label': `Logit z${i + 1}`,
        });
        input.addEventListener('change', () => {
          const x = Number(input.value);
          if (input.value.trim() !== '' && Number.isFinite(x)) {
            sm.logits[i] = x;
            this.redraw();
          } else {
            this.error.textContent = `Logit z${i + 1} must be a finite number; keeping ${sm.logits[i]}.`;
          }
        });
        const remove = el('button', {
          type: 'button',
          text: '×',
          'aria-label': `Remove logit z${i + 1}`,
        });
        remove.disabled = sm.logits.length <= 2;
        remove.addEventListener('click', () => {
          sm.logits.splice(i, 1);
          this.buildLogits();
          this.redraw();
        });
        return el('span', { class: 'logit' }, input, remove);
      }),
    );
  }

  refresh(): void {
    this.redraw();
  }

  /**
   * Shows vector activation `id` (from a hover link or a command) with `logits` when given, saying
   * `notice` above the chart (empty: nothing to say). The caller makes the view visible.
   */
  open(id: string, logits: readonly number[] | null, notice: string): void {
    const sm = this.page.state.softmax;
    if ([...this.select.options].some((o) => o.value === id)) {
      sm.id = id;
      this.select.value = id;
    }
    if (logits && logits.length >= 2) {
      sm.logits = [...logits];
      this.buildLogits();
    }
    this.notice.textContent = notice;
  }

  redraw(): void {
    const t0 = performance.now();
    const { id, logits, temperature } = this.page.state.softmax;
    const t = this.page.theme;
    const digits = this.page.settings.significantDigits;
    const scaled = logits.map((z) => z / temperature);
    try {
      this.error.textContent = '';
      const probs = evaluateVector('softmax', scaled).y;
      const logProbs = evaluateVector('log_softmax', scaled).y;
      const chosen = evaluateVector(id, scaled);
      // d f(z/T)/dz = J(z/T) / T.
      const jac = chosen.jacobian.map((row) => row.map((v) => v / temperature));
      const labels = logits.map((_z, i) => `z${i + 1}`);
      this.chart.data.labels = labels;
      this.chart.data.datasets = [
        { label: 'softmax p', data: probs, backgroundColor: t.series[0], yAxisID: 'y' },
        {
          label: 'log-softmax log p',
          data: logProbs.map(clipForPlot),
          backgroundColor: t.series[1],
          yAxisID: 'y1',
        },
      ];
      // Explicit finite bounds: logits near ±1.7e308 give log-probabilities chart.js cannot tick.
      const scales = this.chart.options.scales;
      if (scales?.y && scales.y1) {
        [scales.y.min, scales.y.max] = [0, 1];
        [scales.y1.min, scales.y1.max] = niceBounds(yBounds([logProbs], 0.02, true));
      }
      for (const axis of Object.values(this.chart.options.scales ?? {})) {
        if (axis) {
          axis.ticks = { color: t.foreground };
          axis.grid = { ...axis.grid, color: t.grid };
        }
      }
      const legend = this.chart.options.plugins?.legend;
      if (legend) {
        legend.labels = { color: t.foreground };
      }
      this.chart.update('none');
      drawHeatmap(this.heat, this.heatTable, jac, labels, t, digits);
      const lse = logSumExp(scaled);
      const naive = Math.log(scaled.reduce((a, v) => a + Math.exp(v), 0));
      const f = (v: number) => formatNumber(v, digits);
      this.explain.textContent = [
        `${id}: y = [${chosen.y.map(f).join(', ')}]`,
        `m = max(z/T) = ${f(Math.max(...scaled))}`,
        `logsumexp = m + log Σ exp(z/T − m) = ${f(lse)}`,
        `log-softmax = z/T − logsumexp = [${scaled.map((v) => f(v - lse)).join(', ')}]`,
        `naive log Σ exp(z/T) = ${f(naive)}${Number.isFinite(naive) ? '' : '  ← overflow: why it is computed as z − logsumexp(z)'}`,
        `naive log(softmax) = [${probs.map((p) => f(Math.log(p))).join(', ')}]`,
      ].join('\n');
      this.page.save();
      this.report(
        [{ id, params: { temperature }, curves: ['f', 'df'], points: logits.length }],
        [0, logits.length - 1],
        performance.now() - t0,
        [t.series[0], t.series[1]],
      );
    } catch (e) {
      this.error.textContent = e instanceof Error ? e.message : String(e);
    }
  }
}
