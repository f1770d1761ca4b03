/**
 * The PyTorch reference, test/fixtures/pytorch-activations.json: values and autograd derivatives computed by
 * real PyTorch in float64. Tests read the file; no number from it is typed into a test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ScalarReference {
  id: string;
  params: Record<string, number | string>;
  x: number[];
  y: number[];
  dy: number[];
}

export interface VectorReference {
  id: string;
  params: Record<string, number | string>;
  z: number[];
  y: number[];
  jacobian: number[][];
}

export interface PytorchReference {
  scalar: ScalarReference[];
  vector: VectorReference[];
}

/** Reads the reference from a Node test bundle (they are built to out/test/<suite>/). */
export function readPytorchReference(): PytorchReference {
  const file = join(__dirname, '../../../test/fixtures/pytorch-activations.json');
  return JSON.parse(readFileSync(file, 'utf8')) as PytorchReference;
}
