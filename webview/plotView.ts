import { getActivation, listActivations } from '../src/core/activations';
import { safeRange } from '../src/plotLimits';
import type { SeriesSpec } from '../src/protocol';
import { ChartView } from './chartView';
import { seriesControls } from './controls';
import { autoRange, CurveCache, type SeriesCurves } from './curves';
import { el, sliderWithNumber, uid } from './dom';
import { curvesToCsv } from './csvExport';
import { chartPng, fillDataTable, valuesAt } from './exportData';
import type { Page, Report, View } from './page';

function button(text: string, onClick: () => void, label?: string): HTMLButtonElement {
  const b = el('button', { type: 'button', text, 'aria-label': label });
  b.addEventListener('click', onClick);
  return b;
}

/** The f/f′/f″ chart with its toolbar, per-series controls, crosshair readout and data table. */
export class PlotView implements View {
  readonly root: HTMLElement;
  private readonly chart: ChartView;
  private readonly cache = new CurveCache();
  private curves: SeriesCurves[] = [];
  private readonly seriesBox = el('div', { class: 'series-list' });
  private readonly readout = el('pre', { class: 'readout', 'aria-live': 'polite' });
  private readonly errors = el('p', { class: 'error', role: 'alert' });
  private readonly table = el('table', { class: 'data-table' });
  private readonly rangeInputs = [
    el('input', { type: 'number', step: 'any' }),
    el('input', { type: 'number', step: 'any' }),
  ];
  private readonly threshold: { root: HTMLElement; set(v: number): void };

  constructor(
    private readonly ctx: Page,
    private readonly report: Report,
  ) {
    const canvas = el('canvas', {
      role: 'img',
      tabindex: 0,
      'aria-label':
        'Activation chart. Arrow keys move the crosshair, + and − zoom, Page Up/Down pan, Home resets.',
    });
    const s = ctx.state;
    this.threshold = sliderWithNumber({
      label: '|f′| shading below',
      min: 0,
      max: 1,
      step: 0.01,
      value: s.threshold ?? ctx.settings.lowGradientThreshold,
      onValue: (v) => {
        if (Number.isFinite(v) && v >= 0 && v <= 1) {
          s.threshold = v;
          this.redraw();
        }
      },
    });
    this.root = el(
      'section',
      { class: 'view plot-view', 'aria-label': 'Plot' },
      this.toolbar(),
      el('div', { class: 'chart-wrap' }, canvas),
      this.readout,
      this.errors,
      this.seriesBox,
      this.adder(),
      this.table,
    );
    this.chart = new ChartView(canvas, ctx.theme, {
      onRange: (r) => {
        s.range = r;
        this.redraw();
      },
      onToggle: (i, curve) => {
        const series = s.series[i];
        if (series) {
          series.show[curve] = !series.show[curve];
          this.rebuildControls();
          this.redraw();
        }
      },
      onCrosshair: (x) => this.setCrosshair(x),
    });
    canvas.addEventListener('keydown', (e) => this.key(e));
    this.rebuildControls();
  }

  private toolbar(): HTMLElement {
    const s = this.ctx.state;
    const [lo, hi] = this.rangeInputs;
    const loId = uid('xmin');
    const hiId = uid('xmax');
    lo.id = loId;
    hi.id = hiId;
    const applyRange = () => {
      const a = Number(lo.value);
      const b = Number(hi.value);
      if (lo.value !== '' && hi.value !== '' && Number.isFinite(a) && Number.isFinite(b) && a < b) {
        this.errors.textContent = '';
        s.range = [a, b];
        this.redraw();
      } else {
        this.errors.textContent = 'The x-range needs two numbers, min below max.';
      }
    };
    lo.addEventListener('change', applyRange);
    hi.addEventListener('change', applyRange);
    const shadeId = uid('shade');
    const shade = el('input', { type: 'checkbox', id: shadeId, checked: s.shade });
    shade.addEventListener('change', () => {
      s.shade = shade.checked;
      this.redraw();
    });
    const tableId = uid('table');
    const table = el('input', { type: 'checkbox', id: tableId, checked: s.table });
    table.addEventListener('change', () => {
      s.table = table.checked;
      this.redraw();
    });
    return el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Chart controls' },
      el('label', { for: loId, text: 'x from' }),
      lo,
      el('label', { for: hiId, text: 'to' }),
      hi,
      button('−', () => this.chart.zoom(1.25), 'Zoom out'),
      button('+', () => this.chart.zoom(0.8), 'Zoom in'),
      button('Reset', () => this.resetRange(), 'Reset the x-range'),
      this.threshold.root,
      el('span', { class: 'toggle' }, shade, el('label', { for: shadeId, text: 'Shade' })),
      el('span', { class: 'toggle' }, table, el('label', { for: tableId, text: 'Table' })),
      button(
        'PNG',
        () =>
          this.ctx.post({
            type: 'export',
            format: 'png',
            data: chartPng(this.chart.canvas, this.ctx.theme.background),
          }),
        'Export the chart as PNG',
      ),
      button(
        'CSV',
        () => this.ctx.post({ type: 'export', format: 'csv', data: curvesToCsv(this.curves) }),
        'Export the plotted values as CSV',
      ),
      button('Copy', () => this.copyValues(), 'Copy the values at the crosshair'),
    );
  }

  private adder(): HTMLElement {
    const id = uid('add');
    const select = el('select', { id });
    const byFamily = new Map<string, HTMLOptGroupElement>();
    for (const a of listActivations()) {
      if (a.kind !== 'scalar') {
        continue;
      }
      let group = byFamily.get(a.family);
      if (!group) {
        group = el('optgroup', { label: a.family });
        byFamily.set(a.family, group);
        select.append(group);
      }
      group.append(el('option', { value: a.id, text: `${a.name} — ${a.summary}` }));
    }
    return el(
      'div',
      { class: 'adder' },
      el('label', { for: id, text: 'Add activation' }),
      select,
      button('Add', () => {
        this.setSeries([{ id: select.value, params: {} }], 'add');
        this.redraw();
      }),
    );
  }

  /** Replaces or extends the plotted series (Plot / Compare from the host, Add here); no redraw. */
  setSeries(specs: SeriesSpec[], mode: 'replace' | 'add'): void {
    const s = this.ctx.state;
    const known = specs.filter((sp) => {
      try {
        const info = getActivation(sp.id);
        if (info.kind !== 'scalar') {
          // Not dropped in silence: it has no curve f(x); the Softmax tab shows it.
          this.errors.textContent = `${info.name} maps a vector to a vector: it has no curve f(x) to plot here; see the Softmax tab.`;
        }
        return info.kind === 'scalar';
      } catch {
        this.errors.textContent = `Unknown activation: ${sp.id}`;
        return false;
      }
    });
    const fresh = known.map((sp) => ({ ...sp, show: { f: true, df: true, d2f: false } }));
    s.series = mode === 'replace' ? fresh : [...s.series, ...fresh];
    if (mode === 'replace') {
      s.range = null;
    }
    this.rebuildControls();
  }

  /** Settings or theme changed. */
  refresh(): void {
    this.rebuildControls();
    this.redraw();
  }

  private resetRange(): void {
    this.ctx.state.range = null;
    this.redraw();
  }

  private rebuildControls(): void {
    const t = this.ctx.theme;
    this.seriesBox.replaceChildren(
      ...this.ctx.state.series.map((series, i) =>
        seriesControls(series, i, t.series[i % t.series.length], {
          onChange: () => this.redraw(),
          onRemove: (index) => {
            this.ctx.state.series.splice(index, 1);
            this.rebuildControls();
            this.redraw();
          },
        }),
      ),
    );
  }

  /** Recomputes the curves and redraws synchronously; reports `rendered` with what was drawn. */
  redraw(): void {
    const t0 = performance.now();
    const s = this.ctx.state;
    // Typed, dragged or restored ranges near ±1.7e308 would make the sample step overflow.
    const range = safeRange(s.range ?? autoRange(s.series));
    const { curves, errors } = this.cache.compute(s.series, range);
    this.curves = curves;
    this.errors.textContent = errors.map((e) => `${e.id}: ${e.message}`).join('\n');
    const threshold = s.threshold ?? this.ctx.settings.lowGradientThreshold;
    this.threshold.set(threshold);
    this.chart.update(curves, range, { threshold, shade: s.shade, theme: this.ctx.theme });
    this.rangeInputs[0].value = String(+range[0].toPrecision(6));
    this.rangeInputs[1].value = String(+range[1].toPrecision(6));
    this.table.hidden = !s.table;
    if (s.table) {
      fillDataTable(this.table, s.series, range, this.ctx.settings.significantDigits);
    }
    this.setCrosshair(this.chart.crosshair);
    const drawMs = performance.now() - t0;
    this.ctx.save();
    const t = this.ctx.theme;
    this.report(
      curves.map((c) => ({
        id: c.series.id,
        params: c.series.params,
        curves: (['f', 'df', 'd2f'] as const).filter((k) => c.series.show[k]),
        points: c.xs.length,
      })),
      range,
      drawMs,
      curves.map((_c, i) => t.series[i % t.series.length]),
    );
  }

  private setCrosshair(x: number | undefined): void {
    this.chart.setCrosshair(x);
    this.readout.textContent =
      x === undefined
        ? 'Move over the chart (or focus it and use the arrow keys) to read f and f′.'
        : valuesAt(this.ctx.state.series, x, this.ctx.settings.significantDigits).join('\n');
  }

  private copyValues(): void {
    const s = this.ctx.state;
    const range = s.range ?? autoRange(s.series);
    const x = this.chart.crosshair ?? (range[0] + range[1]) / 2;
    this.ctx.post({ type: 'copy', text: valuesAt(s.series, x, 17).join('\n') });
  }

  private key(e: KeyboardEvent): void {
    const s = this.ctx.state;
    const range = s.range ?? autoRange(s.series);
    const step = (range[1] - range[0]) / 100;
    const x = this.chart.crosshair ?? (range[0] + range[1]) / 2;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.setCrosshair(Math.max(range[0], x - step)),
      ArrowRight: () => this.setCrosshair(Math.min(range[1], x + step)),
      '+': () => this.chart.zoom(0.8, x),
      '=': () => this.chart.zoom(0.8, x),
      '-': () => this.chart.zoom(1.25, x),
      PageUp: () => this.chart.pan(-0.1),
      PageDown: () => this.chart.pan(0.1),
      Home: () => this.resetRange(),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }
}
