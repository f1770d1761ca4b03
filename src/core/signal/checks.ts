/** Argument checks shared by the signal API: each names the function, the id and the value at fault. */
import { getActivation } from '../activations';

export function checkScalarId(id: string, api: string): void {
  if (getActivation(id).kind !== 'scalar') {
    throw new Error(`${id} is a vector function: ${api} needs a scalar activation`);
  }
}

export function checkRange(id: string, name: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new Error(`${id}: ${name} must be a number from ${min} to ${max}, got ${String(v)}`);
  }
  return v;
}

export function checkWhole(id: string, name: string, v: unknown, min: number, max: number): number {
  const n = checkRange(id, name, v, min, max);
  if (!Number.isInteger(n)) {
    throw new Error(`${id}: ${name} must be a whole number, got ${n}`);
  }
  return n;
}

export function checkObject(id: string, api: string, o: unknown): void {
  if (o === null || typeof o !== 'object') {
    throw new Error(`${id}: ${api} needs an options object, got ${String(o)}`);
  }
}
