/**
 * One validation for every consumer (hover, plot panel, API callers): is this parameter set one the core
 * can evaluate AND one whose values stay plottable? The core's evaluate accepts any finite parameter it can
 * compute exactly (rrelu with bounds near 1.8e308 gives f(0) = 0); this check also refuses magnitudes whose
 * curves overflow a double over a plot range, so nothing downstream draws NaN or hangs on ∞.
 */
import type { Params } from '../types';
import { defOf, resolveFor } from './registry';

/** Largest parameter magnitude that still plots: |param·x| stays far below 1.8e308 for |x| ≤ 1e6. */
export const PLOTTABLE_PARAM_LIMIT = 1e100;

/**
 * Undefined when `params` are valid for `id` and plottable; otherwise the message to show, naming the
 * parameter and its allowed range. Never throws.
 */
export function validateParams(id: string, params?: Params): string | undefined {
  try {
    const def = defOf(id);
    const p = resolveFor(def, params);
    for (const spec of def.info.params) {
      const v = p[spec.name];
      if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) > PLOTTABLE_PARAM_LIMIT) {
        return `${id}: parameter '${spec.name}' must be between −1e100 and 1e100 to be plotted, got ${v}`;
      }
    }
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
