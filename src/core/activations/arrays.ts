/**
 * evaluateArray's loop: a specialised kernel where a def has one, else the def's point function per
 * element. Writes into the caller's arrays; allocates only the ones it was not given.
 */
import type { ArrayEvaluation } from '../types';
import type { Point, Resolved, ScalarDef } from './def';

type Out = { y?: Float64Array; dy?: Float64Array; d2y?: Float64Array };

/** Uses the caller's array after checking it fits, or allocates one. */
function target(
  id: string,
  name: string,
  given: Float64Array | undefined,
  n: number,
): Float64Array {
  if (given === undefined) {
    return new Float64Array(n);
  }
  if (!(given instanceof Float64Array)) {
    throw new Error(`${id}: out.${name} must be a Float64Array`);
  }
  if (given.length !== n) {
    throw new Error(`${id}: out.${name} has length ${given.length}, the input has ${n}`);
  }
  return given;
}

/** f, f', f'' at every x of xs. */
export function evaluateInto(
  def: ScalarDef,
  p: Resolved,
  xs: Float64Array,
  out?: Out,
): ArrayEvaluation {
  const id = def.info.id;
  if (!(xs instanceof Float64Array)) {
    throw new Error(`${id}: evaluateArray needs a Float64Array of inputs`);
  }
  const n = xs.length;
  const y = target(id, 'y', out?.y, n);
  const dy = target(id, 'dy', out?.dy, n);
  const d2y = target(id, 'd2y', out?.d2y, n);
  const kernel = def.kernel?.(p);
  if (kernel) {
    kernel(xs, y, dy, d2y);
  } else {
    const f = def.bind(p);
    const o: Point = { y: 0, dy: 0, d2y: 0 };
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      if (x !== x) {
        // NaN in, NaN out, as in evaluate: the point functions' comparisons would turn NaN into 0.
        y[i] = dy[i] = d2y[i] = NaN;
        continue;
      }
      f(x, o);
      y[i] = o.y;
      dy[i] = o.dy;
      d2y[i] = o.d2y;
    }
  }
  return { y, dy, d2y };
}
