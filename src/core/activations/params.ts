/**
 * Parameter resolution: fill defaults, reject what the frameworks would reject, with an Error that names
 * the parameter. Runs once per API call, never per point.
 */
import type { ParamSpec, Params } from '../types';
import type { Resolved } from './def';

/** Formats a value for an error message without throwing on odd inputs. */
function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Validates one supplied value against its spec; returns the value to use. */
function checkOne(id: string, spec: ParamSpec, v: unknown): number | string {
  if (spec.choices) {
    if (typeof v !== 'string' || !spec.choices.includes(v)) {
      throw new Error(
        `${id}: parameter '${spec.name}' must be one of ${spec.choices.map(show).join(', ')}, got ${show(v)}`,
      );
    }
    return v;
  }
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new Error(`${id}: parameter '${spec.name}' must be a number, got ${show(v)}`);
  }
  // Only relu's max_value may be +∞ (Keras' None); every other number must be finite.
  if (!Number.isFinite(v) && !(v === Infinity && spec.max === Infinity)) {
    throw new Error(`${id}: parameter '${spec.name}' must be finite, got ${show(v)}`);
  }
  if (spec.min !== undefined) {
    const below = spec.exclusiveMin ? v <= spec.min : v < spec.min;
    if (below) {
      const rel = spec.exclusiveMin ? '>' : '≥';
      throw new Error(`${id}: parameter '${spec.name}' must be ${rel} ${spec.min}, got ${show(v)}`);
    }
  }
  if (spec.max !== undefined && spec.max !== Infinity && v > spec.max) {
    throw new Error(`${id}: parameter '${spec.name}' must be ≤ ${spec.max}, got ${show(v)}`);
  }
  if (spec.nonZero && v === 0) {
    throw new Error(`${id}: parameter '${spec.name}' must not be 0`);
  }
  return v;
}

/**
 * Fills defaults and validates. Unknown names are ignored except that they must not be a known name's
 * wrong type; `dim` (vector functions) passes through untouched because a 1-D vector ignores it.
 */
export function resolveWith(id: string, specs: readonly ParamSpec[], params?: Params): Resolved {
  const out: Record<string, number | string> = {};
  const given: Readonly<Record<string, unknown>> = params ?? {};
  for (const spec of specs) {
    const v = Object.prototype.hasOwnProperty.call(given, spec.name) ? given[spec.name] : undefined;
    out[spec.name] = v === undefined ? spec.default : checkOne(id, spec, v);
  }
  return out;
}
