/**
 * The depth view's toolbar: the activation, the init preset, the width and the σ_w², σ_b², q⁰, L sliders,
 * kept in step with the view's SignalState. A preset sets σ_w², σ_b² as real code does; moving either by
 * hand (or dragging the phase diagram's point) makes the init "free".
 */
import { listActivations } from '../src/core/activations';
import type { SignalState } from '../src/protocol';
import { SIGNAL_WIDTHS } from '../src/protocolValidation';
import { PRESETS, presetOf } from './depthPresets';
import { el, sliderWithNumber, uid } from './dom';

const FREE = '';

type SliderKey = 'sigmaW2' | 'sigmaB2' | 'q0' | 'layers';

export class DepthControls {
  /** The toolbar row. */
  readonly root: HTMLElement;
  /** What the preset does (or that the init is set by hand). */
  readonly presetNote = el('p', { class: 'depth-note' });
  /** Why a typed value was not taken. */
  readonly error = el('p', { class: 'error', role: 'alert' });
  private readonly activation = el('select', { id: uid('depth-id') });
  private readonly preset = el('select', { id: uid('depth-preset') });
  private readonly width = el('select', { id: uid('depth-width') });
  private readonly sliders: Record<SliderKey, { set(v: number): void }>;

  /**
   * @param state the view's state, read fresh each time (the page may replace it)
   * @param changed called after any control changed the state: the view redraws
   */
  constructor(
    private readonly state: () => SignalState,
    private readonly changed: () => void,
  ) {
    const s = state();
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
      this.state().preset = this.preset.value === FREE ? null : this.preset.value;
      this.applyPreset();
      this.changed();
    });
    for (const w of SIGNAL_WIDTHS) {
      this.width.append(
        el('option', { value: String(w), text: String(w), selected: w === s.width }),
      );
    }
    this.width.addEventListener('change', () => {
      this.state().width = Number(this.width.value);
      this.applyPreset();
      this.changed();
    });
    const w2 = this.slider('sigmaW2', 'σ_w²', 8, 0.01);
    const b2 = this.slider('sigmaB2', 'σ_b²', 1, 0.001);
    const q0 = this.slider('q0', 'input q⁰', 10, 0.01, 0.01);
    const layers = this.slider('layers', 'layers L', 100, 1, 1);
    this.sliders = { sigmaW2: w2, sigmaB2: b2, q0, layers };
    const labelled = (label: string, control: HTMLSelectElement) =>
      el('span', { class: 'field' }, el('label', { for: control.id, text: label }), control);
    this.root = el(
      'div',
      { class: 'toolbar' },
      labelled('Activation', this.activation),
      labelled('Init', this.preset),
      labelled('Width', this.width),
      w2.root,
      b2.root,
      q0.root,
      layers.root,
    );
    this.applyPreset();
  }

  private slider(key: SliderKey, label: string, max: number, step: number, min = 0) {
    const control = sliderWithNumber({
      label,
      min,
      max,
      step,
      value: this.state()[key],
      onValue: (v) => {
        const ok = Number.isFinite(v) && v >= min && v <= (key === 'layers' ? 100 : 1000);
        if (!ok) {
          this.error.textContent = `${label}: ${v} is out of range; keeping ${this.state()[key]}.`;
          return;
        }
        this.error.textContent = '';
        this.state()[key] = key === 'layers' ? Math.round(v) : v;
        if (key === 'sigmaW2' || key === 'sigmaB2') {
          this.free();
        }
        this.changed();
      },
    });
    return control;
  }

  /** Another activation (the select, or the hover's link with its parameters). */
  setActivation(id: string, params: SignalState['params']): void {
    const s = this.state();
    s.id = id;
    s.params = params;
    this.activation.value = id;
    this.applyPreset();
    this.changed();
  }

  /** The phase diagram's point was dragged to (σ_w², σ_b²). */
  setInit(sigmaW2: number, sigmaB2: number): void {
    const s = this.state();
    s.sigmaW2 = sigmaW2;
    s.sigmaB2 = sigmaB2;
    this.free();
    this.sliders.sigmaW2.set(sigmaW2);
    this.sliders.sigmaB2.set(sigmaB2);
    this.changed();
  }

  private free(): void {
    this.state().preset = null;
    this.preset.value = FREE;
    this.presetNote.textContent = 'σ_w² and σ_b² set by hand (or by dragging the point).';
  }

  /** σ_w², σ_b² from the chosen preset for the activation and width (free: left as they are). */
  private applyPreset(): void {
    const s = this.state();
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
}
