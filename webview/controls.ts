import { getActivation, resolveParams, validateParams } from '../src/core/activations';
import type { ParamSpec } from '../src/core/types';
import { CURVES, type Curve, type ParamMap, type SeriesState } from '../src/protocol';
import { el, sliderWithNumber, uid } from './dom';

/** What a series' controls report to the plot view. */
export interface SeriesControlEvents {
  /** Parameters changed and the core accepted them: redraw. */
  onChange(): void;
  onRemove(index: number): void;
}

const CURVE_LABEL: Record<Curve, string> = { f: 'f', df: 'f′ (derivative)', d2f: 'f″ (second)' };

/** A slider range that shows the parameter's useful values. */
function sliderRange(spec: ParamSpec, value: number): { min: number; max: number; step: number } {
  const d =
    typeof spec.default === 'number' && Number.isFinite(spec.default) ? spec.default : value;
  const span = Math.max(2, Math.abs(d) * 2, Math.abs(value - d) * 1.5);
  const min = spec.min ?? d - span;
  const max = spec.max ?? d + span;
  return { min, max, step: (max - min) / 400 };
}

/** Frameworks whose defaults differ for this activation: the preset menu. */
function presetsOf(specs: readonly ParamSpec[]): string[] {
  const set = new Set<string>();
  for (const p of specs) {
    for (const fw of Object.keys(p.frameworkDefaults ?? {})) {
      set.add(fw);
    }
  }
  return [...set];
}

/**
 * The fieldset of one series: f/f′/f″ toggles, a slider and number input per numeric parameter, a select per
 * choice, a framework preset and Remove. An invalid value is announced and not applied (the last valid
 * parameters keep plotting).
 */
export function seriesControls(
  series: SeriesState,
  index: number,
  colour: string,
  events: SeriesControlEvents,
): HTMLElement {
  const info = getActivation(series.id);
  const error = el('p', { class: 'error', role: 'alert' });
  const setters = new Map<string, (v: number | string) => void>();
  const tryParams = (next: ParamMap): boolean => {
    // The core's one check, as for the commands and the hover: the same message for the same values
    // (1.7e308 typed in a box is refused by name and range, not plotted as ±∞).
    const problem = validateParams(series.id, next);
    if (problem !== undefined) {
      error.textContent = problem;
      return false;
    }
    error.textContent = '';
    series.params = next;
    events.onChange();
    return true;
  };
  const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.backgroundColor = colour;
  const fieldset = el('fieldset', { class: 'series' }, el('legend', {}, swatch, `${info.name}`));
  const toggles = el('div', {
    class: 'toggles',
    role: 'group',
    'aria-label': `${info.name} curves`,
  });
  for (const curve of CURVES) {
    const id = uid('curve');
    const box = el('input', { type: 'checkbox', id, checked: series.show[curve] });
    box.addEventListener('change', () => {
      series.show[curve] = box.checked;
      events.onChange();
    });
    toggles.append(
      el('span', { class: 'toggle' }, box, el('label', { for: id, text: CURVE_LABEL[curve] })),
    );
  }
  fieldset.append(toggles);
  const resolved = safeResolve(series.id, series.params);
  for (const spec of info.params) {
    const current = resolved[spec.name] ?? spec.default;
    const label = `${spec.unicode} ${spec.name}`;
    if (spec.choices) {
      const id = uid('choice');
      const select = el('select', { id, title: spec.description });
      for (const c of spec.choices) {
        select.append(el('option', { value: c, text: c, selected: c === current }));
      }
      select.addEventListener('change', () =>
        tryParams({ ...series.params, [spec.name]: select.value }),
      );
      setters.set(spec.name, (v) => (select.value = String(v)));
      fieldset.append(
        el('div', { class: 'choice' }, el('label', { for: id, text: label }), select),
      );
    } else if (typeof current === 'number') {
      // A parameter whose default is "none" (Keras relu's max_value = ∞) starts empty: the default.
      const finite = Number.isFinite(current);
      const s = sliderWithNumber({
        label,
        ...sliderRange(spec, finite ? current : (spec.min ?? 0) + 6),
        value: finite ? current : NaN,
        placeholder: finite ? undefined : current > 0 ? 'none (∞)' : 'none (−∞)',
        onValue: (v) => {
          const next = { ...series.params, [spec.name]: v };
          if (Number.isNaN(v)) {
            delete next[spec.name];
          }
          tryParams(next);
        },
      });
      s.root.title = spec.description;
      setters.set(spec.name, (v) => s.set(Number(v)));
      fieldset.append(s.root);
    }
  }
  const presets = presetsOf(info.params);
  if (presets.length > 0) {
    const id = uid('preset');
    const select = el('select', { id }, el('option', { value: '', text: 'PyTorch (canonical)' }));
    for (const fw of presets) {
      select.append(el('option', { value: fw, text: fw }));
    }
    select.addEventListener('change', () => {
      const fw = select.value as keyof NonNullable<ParamSpec['frameworkDefaults']>;
      const next: ParamMap = {};
      for (const p of info.params) {
        const v = (fw && p.frameworkDefaults?.[fw]) ?? p.default;
        // Only finite numbers survive setState's JSON; a non-finite default is the default anyway.
        if (typeof v === 'string' || Number.isFinite(v)) {
          next[p.name] = v;
        }
      }
      if (tryParams(next)) {
        for (const p of info.params) {
          setters.get(p.name)?.(next[p.name] ?? p.default);
        }
      }
    });
    fieldset.append(
      el('div', { class: 'choice' }, el('label', { for: id, text: 'Framework defaults' }), select),
    );
  }
  const remove = el('button', {
    type: 'button',
    text: 'Remove',
    'aria-label': `Remove ${info.name}`,
  });
  remove.addEventListener('click', () => events.onRemove(index));
  fieldset.append(remove, error);
  return fieldset;
}

function safeResolve(id: string, params: ParamMap): ParamMap {
  try {
    return resolveParams(id, params);
  } catch {
    return params;
  }
}
