/**
 * Signal through depth: mean-field theory of a deep random network (Poole et al. 2016, Schoenholz et
 * al. 2017) beside real seeded networks. Init presets set (σ_w², σ_b²); the phase diagram shows χ* over
 * (σ_w², σ_b²) with the edge of chaos, and dragging its point redraws q^l, χ^l and ∏χ; the simulated
 * networks run in slices between frames and land as points with their spread over seeds.
 */
import { signalPropagation, type SignalResult } from '../src/core/signal';
import type { SignalState } from '../src/protocol';
import { nameOf } from './chartView';
import { DepthCharts } from './depthCharts';
import { DepthControls } from './depthControls';
import { PhaseWindows } from './depthPhaseWindow';
import { phaseSentence, simulationSentence, unitsSentence, worstLayerGap } from './depthReadout';
import { SimulationRunner, type SimulationRequest, type SimulationRuns } from './depthSimulation';
import { el } from './dom';
import type { Page, Report, View } from './page';
import { PhaseCanvas } from './phaseCanvas';

const SEEDS = 4;
const BATCH = 16;

/** The view: the controls, the three linked charts and the readouts, and the simulations behind them. */
export class DepthView implements View {
  readonly root: HTMLElement;
  private readonly controls: DepthControls;
  private readonly charts: DepthCharts;
  private readonly phase: PhaseCanvas;
  private readonly windows = new PhaseWindows();
  private readonly runner = new SimulationRunner();
  private readonly readPhase = el('p', { class: 'depth-phase', 'aria-live': 'polite' });
  private readonly readUnits = el('p', { class: 'depth-units' });
  private readonly simStatus = el('p', { class: 'depth-sim', 'aria-live': 'polite' });
  private theory: SignalResult | undefined;
  private paints = 0;

  constructor(
    private readonly page: Page,
    private readonly report: Report,
  ) {
    this.controls = new DepthControls(
      () => this.state,
      () => this.redraw(),
    );
    this.phase = new PhaseCanvas((w, b) => this.controls.setInit(w, b));
    const signalCanvas = el('canvas', {
      role: 'img',
      'aria-label':
        'q and χ per layer: theory as lines, simulated networks as points; numbers in the readouts',
    });
    const gradientCanvas = el('canvas', {
      role: 'img',
      'aria-label': 'Cumulative gradient factor ∏χ from the output back to each layer, log scale',
    });
    this.root = el(
      'section',
      { class: 'view depth-view', 'aria-label': 'Signal through depth' },
      this.controls.root,
      this.controls.presetNote,
      this.controls.error,
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
  }

  private get state(): SignalState {
    return this.page.state.signal;
  }

  /** The hover's "Signal through depth" link: this activation with its parameters. */
  setActivation(id: string, params: SignalState['params']): void {
    this.controls.setActivation(id, params);
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
      this.controls.error.textContent = e instanceof Error ? e.message : String(e);
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
      const worst = worstLayerGap(r.q, runs);
      this.root.dataset.sim = 'done';
      this.root.dataset.simWorst = String(worst);
      this.root.dataset.simSlices = String(this.runner.slices);
      this.simStatus.textContent = simulationSentence(SEEDS, this.state.width, BATCH, worst);
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

  /** The phase diagram with the current point (recomputed only when its window must change). */
  private paintPhase(): void {
    const s = this.state;
    const d = this.windows.for(s);
    this.phase.draw(d.d, d.w, d.b, { w: s.sigmaW2, b: s.sigmaB2 }, this.page.theme);
    this.root.dataset.window = [...d.w, ...d.b].join(',');
    this.root.dataset.phase = String(++this.paints);
  }
}
