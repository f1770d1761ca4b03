/**
 * Every point of the PyTorch reference file (float64, autograd derivatives) against the core:
 * |ours − torch| ≤ 1e-12·|torch| + 1e-15 for y, dy and every Jacobian entry.
 */
import assert from 'node:assert/strict';
import {
  evaluate,
  evaluateArray,
  evaluateVector,
  listActivations,
} from '../../src/core/activations';
import { readPytorchReference } from '../pytorchReference';

const fixture = readPytorchReference();

function close(ours: number, torch: number, what: string): void {
  const tol = 1e-12 * Math.abs(torch) + 1e-15;
  assert.ok(
    Math.abs(ours - torch) <= tol,
    `${what}: ours ${ours}, torch ${torch}, diff ${Math.abs(ours - torch)} > ${tol}`,
  );
}

/** Catalogue ids the reference does not hold: PyTorch has no such function (nn.Identity is trivial). */
const NOT_IN_PYTORCH = new Set([
  'linear',
  'exponential',
  'lisht',
  'squareplus',
  'sparse_plus',
  'sparse_sigmoid',
  'sparsemax',
]);

it('the reference covers every catalogue id PyTorch can compute', () => {
  const covered = new Set([...fixture.scalar, ...fixture.vector].map((c) => c.id));
  for (const a of listActivations()) {
    assert.equal(covered.has(a.id), !NOT_IN_PYTORCH.has(a.id), a.id);
  }
  for (const id of ['quick_gelu', 'relu_squared', 'swiglu', 'geglu', 'reglu']) {
    assert.ok(covered.has(id), id);
  }
});

describe('scalar activations match PyTorch', () => {
  assert.ok(fixture.scalar.length > 0);
  for (const c of fixture.scalar) {
    it(`${c.id} ${JSON.stringify(c.params)}`, () => {
      c.x.forEach((x, i) => {
        const e = evaluate(c.id, x, c.params);
        close(e.y, c.y[i], `${c.id}(${x}) y`);
        close(e.dy, c.dy[i], `${c.id}(${x}) dy`);
      });
    });
    it(`${c.id} ${JSON.stringify(c.params)} through evaluateArray`, () => {
      const r = evaluateArray(c.id, Float64Array.from(c.x), c.params);
      c.x.forEach((x, i) => {
        close(r.y[i], c.y[i], `${c.id}(${x}) y`);
        close(r.dy[i], c.dy[i], `${c.id}(${x}) dy`);
      });
    });
  }
});

describe('vector activations match PyTorch', () => {
  assert.ok(fixture.vector.length > 0);
  for (const c of fixture.vector) {
    it(`${c.id} ${JSON.stringify(c.z)}`, () => {
      const r = evaluateVector(c.id, c.z, c.params);
      assert.equal(r.y.length, c.y.length);
      c.y.forEach((v, i) => close(r.y[i], v, `${c.id} y[${i}]`));
      assert.equal(r.jacobian.length, c.jacobian.length);
      c.jacobian.forEach((row, i) => {
        assert.equal(r.jacobian[i].length, row.length);
        row.forEach((v, j) => close(r.jacobian[i][j], v, `${c.id} J[${i}][${j}]`));
      });
    });
  }
});
