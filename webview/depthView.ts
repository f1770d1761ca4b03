/**
 * Signal through depth: mean-field theory of a deep random network (Poole et al. 2016, Schoenholz et
 * al. 2017) beside real seeded networks. Init presets set (σ_w², σ_b²); the phase diagram shows χ* over
 * (σ_w², σ_b²) with the edge of chaos, and dragging its point redraws q^l, χ^l and ∏χ; the simulated
 * networks run in slices between frames and land as points with their spread over seeds.
 */
import { listActivations } from '../src/core/activations';
import {
  criticalSigmaW2,
  phaseDiagram,
  signalPropagation,
  type PhaseDiagram,
  type SignalResult,
} from '../src/core/signal';
import type { SignalState } from '../src/protocol';
import { SIGNAL_WIDTHS } from '../src/protocolValidation';
import { nameOf } from './chartView';
import { DepthCharts } from './depthCharts';
import { PRESETS, presetOf } from './depthPresets';
import { phaseSentence, unitsSentence } from './depthReadout';
import { SimulationRunner, type SimulationRequest, type SimulationRuns } from './depthSimulation';
import { el, sliderWithNumber, uid } from './dom';
import type { Page, Report, View } from './page';
import { PhaseCanvas } from './phaseCanvas';

const SEEDS = 4;
const BATCH = 16;
const CELLS = 64;
const FREE = '';

export class DepthView implements View {
  readonly root: HTMLElement;
  private readonly charts: DepthCharts;
  private readonly phase: PhaseCanvas;
  private readonly runner = new SimulationRunner();
  private readonly readPhase = el('p', { class: 'depth-phase', 'aria-live': 'polite' });
  private readonly readUnits = el('p', { class: 'depth-units' });
  private readonly simStatus = el('p', { class: 'depth-sim', 'aria-live': 'polite' });
  private readonly presetNote = el('p', { class: 'depth-note' });
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private readonly activation = el('select', { id: uid('depth-id') });
  private readonly preset = el('select', { id: uid('depth-preset') });
  private readonly width = el('select', { id: uid('depth-width') });
  private readonly sliders: Record<
    'sigmaW2' | 'sigmaB2' | 'q0' | 'layers',
    { set(v: number): void }
  >;
  private diagram:
    { key: string; d: PhaseDiagram; w: [number, number]; b: [number, number] } | undefined;
  private theory: SignalResult | undefined;

  constructor(
    private readonly page: Page,
    private readonly report: Report,
  ) {
    const s = this.state;
    for (const a of listActivations()) {
      if (a.kind === 'scalar') {
        this.activation.append(
          el('option', { value: a.id, text: a.name, selected: a.id === s.id }),
        );
      }
    }
    this.activation.addEventListener('change', () => this.setActivation(this.activation.value, {}));
    this.preset.append(el('option', { value: FREE, text: 'free (sliders)' }));
    for (const p of PRESETS) {
      this.preset.append(el('option', { value: p.key, text: p.label }));
    }
    this.preset.value = s.preset ?? FREE;
    this.preset.addEventListener('change', () => {
      this.state.preset = this.preset.value === FREE ? null : this.preset.value;
      this.applyPreset();
      this.redraw();
    });
    for (const w of SIGNAL_WIDTHS) {
      this.width.append(
        el('option', { value: String(w), text: String(w), selected: w === s.width }),
      );
    }
    this.width.addEventListener('change', () => {
      this.state.width = Number(this.width.value);
      this.applyPreset();
      this.redraw();
    });
    const slider = (
      key: 'sigmaW2' | 'sigmaB2' | 'q0' | 'layers',
      label: string,
      max: number,
      step: number,
      min = 0,
    ) =>
      sliderWithNumber({
        label,
        min,
        max,
        step,
        value: s[key],
        onValue: (v) => {
          const ok = Number.isFinite(v) && v >= min && v <= (key === 'layers' ? 100 : 1000);
          if (!ok) {
            this.error.textContent = `${label}: ${v} is out of range; keeping ${this.state[key]}.`;
            return;
          }
          this.error.textContent = '';
          this.state[key] = key === 'layers' ? Math.round(v) : v;
          if (key === 'sigmaW2' || key === 'sigmaB2') {
            this.free();
          }
          this.redraw();
        },
      });
    const w2 = slider('sigmaW2', 'σ_w²', 8, 0.01);
    const b2 = slider('sigmaB2', 'σ_b²', 1, 0.001);
    const q0 = slider('q0', 'input q⁰', 10, 0.01, 0.01);
    const layers = slider('layers', 'layers L', 100, 1, 1);
    this.sliders = { sigmaW2: w2, sigmaB2: b2, q0, layers };
    this.phase = new PhaseCanvas((w, b) => {
      this.state.sigmaW2 = w;
      this.state.sigmaB2 = b;
      this.free();
      w2.set(w);
      b2.set(b);
      this.redraw();
    });
    const signalCanvas = el('canvas', {
      role: 'img',
      'aria-label':
        'q and χ per layer: theory as lines, simulated networks as points; numbers in the readouts',
    });
    const gradientCanvas = el('canvas', {
      role: 'img',
      'aria-label': 'Cumulative gradient factor ∏χ from the output back to each layer, log scale',
    });
    const labelled = (label: string, control: HTMLSelectElement) =>
      el('span', { class: 'field' }, el('label', { for: control.id, text: label }), control);
    this.root = el(
      'section',
      { class: 'view depth-view', 'aria-label': 'Signal through depth' },
      el(
        'div',
        { class: 'toolbar' },
        labelled('Activation', this.activation),
        labelled('Init', this.preset),
        labelled('Width', this.width),
        w2.root,
        b2.root,
        q0.root,
        layers.root,
      ),
      this.presetNote,
      this.error,
      el(
        'div',
        { class: 'depth-grid' },
        el('div', { class: 'depth-phase-wrap' }, this.phase.canvas),
        el('div', { class: 'chart-wrap' }, signalCanvas),
        el('div', { class: 'chart-wrap' }, gradientCanvas),
      ),
      this.readPhase,
      this.readUnits,
      this.simStatus,
    );
    this.charts = new DepthCharts(signalCanvas, gradientCanvas);
    this.applyPreset();
  }

  private get state(): SignalState {
    return this.page.state.signal;
  }

  /** The hover's "Signal through depth" link: this activation with its parameters. */
  setActivation(id: string, params: SignalState['params']): void {
    this.state.id = id;
    this.state.params = params;
    this.activation.value = id;
    this.applyPreset();
    this.redraw();
  }

  private free(): void {
    this.state.preset = null;
    this.preset.value = FREE;
    this.presetNote.textContent = 'σ_w² and σ_b² set by hand (or by dragging the point).';
  }

  private applyPreset(): void {
    const s = this.state;
    const p = s.preset === null ? undefined : presetOf(s.preset);
    if (!p) {
      this.free();
      return;
    }
    const v = p.values(s.id, s.params, s.width);
    s.sigmaW2 = v.sigmaW2;
    s.sigmaB2 = v.sigmaB2;
    this.sliders.sigmaW2.set(v.sigmaW2);
    this.sliders.sigmaB2.set(v.sigmaB2);
    this.presetNote.textContent = p.note;
  }

  refresh(): void {
    this.redraw();
  }

  redraw(): void {
    const t0 = performance.now();
    const s = this.state;
    try {
      this.theory = signalPropagation(s.id, s.params, {
        sigmaW2: s.sigmaW2,
        sigmaB2: s.sigmaB2,
        q0: s.q0,
        depth: s.layers,
      });
    } catch (e) {
      this.error.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    const request = this.request();
    this.draw(this.runner.cached(request));
    this.paintPhase();
    this.page.save();
    this.report(
      [{ id: s.id, params: s.params, curves: ['df'], points: s.layers + 1 }],
      [0, s.layers],
      performance.now() - t0,
      [this.page.theme.series[0], this.page.theme.series[1]],
    );
    this.simulate(request);
  }

  private request(): SimulationRequest {
    const s = this.state;
    return {
      id: s.id,
      params: s.params,
      sigmaW2: s.sigmaW2,
      sigmaB2: s.sigmaB2,
      q0: s.q0,
      depth: s.layers,
      width: s.width,
      batch: BATCH,
      seeds: SEEDS,
    };
  }

  private draw(runs: SimulationRuns | undefined): void {
    const r = this.theory;
    if (!r) {
      return;
    }
    this.charts.update(r, runs, this.page.theme);
    this.readPhase.textContent = `${nameOf(this.state.id)} — ${phaseSentence(r, this.state.q0)}`;
    this.readUnits.textContent = unitsSentence(r);
    this.root.dataset.chiStar = r.chiStar === undefined ? '' : String(r.chiStar);
    this.root.dataset.point = `${this.state.sigmaW2},${this.state.sigmaB2}`;
    if (runs) {
      // Worst layer of the seeds' mean h² against the theory: what "points on the curve" means.
      let worst = 0;
      for (let l = 0; l < r.q.length; l++) {
        const mean = runs.reduce((a, run) => a + run.meanSquare[l], 0) / runs.length;
        worst = Math.max(worst, Math.abs(mean / r.q[l] - 1));
      }
      this.root.dataset.sim = 'done';
      this.root.dataset.simWorst = String(worst);
      this.simStatus.textContent = `${SEEDS} random networks (width ${this.state.width}, batch ${BATCH}): mean h² within ${(
        100 * worst
      ).toFixed(
        1,
      )} % of the theory at every layer. Finite width wanders, most near the edge of chaos; the band is the seeds' spread.`;
    }
  }

  private simulate(request: SimulationRequest): void {
    if (this.runner.cached(request)) {
      return;
    }
    this.root.dataset.sim = 'running';
    this.runner.start(
      request,
      (p) => {
        this.simStatus.textContent = `Simulating ${SEEDS} random networks (width ${request.width}): ${Math.round(100 * p)} %`;
      },
      (runs) => this.draw(runs),
      (e) => {
        this.root.dataset.sim = 'failed';
        this.simStatus.textContent = `The simulation failed: ${e instanceof Error ? e.message : String(e)}`;
      },
    );
  }

  /** The diagram is recomputed when the activation or window changes; otherwise only the point moves. */
  private paintPhase(): void {
    const s = this.state;
    let d = this.diagram;
    const fits = d && s.sigmaW2 <= d.w[1] && s.sigmaB2 <= d.b[1];
    const key = JSON.stringify([s.id, s.params, s.q0]);
    if (!d || d.key !== key || !fits) {
      const crit = criticalSigmaW2(s.id, s.params, 0.05);
      const wMax = niceCeil(Math.max(4, 1.5 * (crit ?? 0), 1.25 * s.sigmaW2));
      const bMax = niceCeil(Math.max(0.5, 1.25 * s.sigmaB2));
      const w: [number, number] = [0, wMax];
      const b: [number, number] = [0, bMax];
      const diagram = phaseDiagram(s.id, s.params, {
        sigmaW2: w,
        sigmaB2: b,
        columns: CELLS,
        rows: CELLS,
        q0: s.q0,
      });
      d = { key, d: diagram, w, b };
      this.diagram = d;
    }
    this.phase.draw(d.d, d.w, d.b, { w: s.sigmaW2, b: s.sigmaB2 }, this.page.theme);
    this.root.dataset.window = [...d.w, ...d.b].join(',');
    this.root.dataset.phase = String(++this.paints);
  }

  private paints = 0;
}

/** 1, 2, 2.5, 5 × 10ⁿ at or above v. */
function niceCeil(v: number): number {
  const e = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * e >= v) {
      return m * e;
    }
  }
  return 10 * e;
}
