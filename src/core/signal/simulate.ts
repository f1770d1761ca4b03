/**
 * A real finite-width random MLP beside the theory: h^0 ~ N(0, q0), h^l = W^l φ(h^{l−1}) + b^l with
 * W_ij ~ N(0, σ_w²/N), b_i ~ N(0, σ_b²), in float64, seeded. Per layer it records the mean of h², the
 * dead fraction, the mean output and the squared gradient norm of a random linear readout
 * y = v·φ(h^depth), v_i ~ N(0, 1/N), back-propagated to h^l. The work is cut into steps of a few rows
 * so a page can run it between frames; each layer's weights are drawn again from their own stream for
 * the backward pass rather than stored.
 */
import { evaluateArray } from '../activations';
import type { Params } from '../types';
import { checkObject, checkScalarId, checkWhole } from './checks';
import { checkVariances } from './propagation';
import { Random } from './random';
import type { SimulationOptions, SimulationResult } from './types';

const MAX_WIDTH = 1024;
const MAX_BATCH = 1024;
const MAX_DEPTH = 1000;
/** Rows of W per step: 64 rows of a 512-wide, batch-32 layer is about a million multiply-adds. */
const ROWS_PER_STEP = 64;
const INPUT_STREAM = 0x7fffffff;
const READOUT_STREAM = 0x7ffffffe;
const BIAS_STREAM = 0x40000000;

export class NetworkSimulation {
  private readonly n: number;
  private readonly batch: number;
  private readonly depth: number;
  private readonly out: SimulationResult;
  /** φ′(h^l) for every layer, kept for the backward pass. */
  private readonly slopes: Float64Array[] = [];
  private act: Float64Array<ArrayBufferLike>;
  private next: Float64Array<ArrayBufferLike>;
  private grad: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private rng: Random | undefined;
  private layer = 0;
  private row = 0;
  private phase: 'forward' | 'backward' | 'done' = 'forward';

  constructor(
    private readonly id: string,
    private readonly params: Params,
    private readonly o: SimulationOptions,
  ) {
    checkScalarId(id, 'simulateNetwork');
    checkObject(id, 'simulateNetwork', o);
    checkVariances(id, o);
    this.depth = checkWhole(id, 'depth', o.depth, 0, MAX_DEPTH);
    this.n = checkWhole(id, 'width', o.width, 1, MAX_WIDTH);
    this.batch = checkWhole(id, 'batch', o.batch, 1, MAX_BATCH);
    checkWhole(id, 'seed', o.seed, 0, 0xffffffff);
    const len = this.depth + 1;
    this.out = {
      meanSquare: new Float64Array(len),
      deadFraction: new Float64Array(len),
      meanOutput: new Float64Array(len),
      gradientNorm: new Float64Array(len),
    };
    const h = new Float64Array(this.n * this.batch);
    new Random(o.seed, INPUT_STREAM).fillNormal(h, Math.sqrt(o.q0));
    this.act = new Float64Array(h.length);
    this.next = new Float64Array(h.length);
    this.record(h, 0);
  }

  /** Steps left is unknown to callers; progress in [0, 1] is what a page shows. */
  get progress(): number {
    const perLayer = Math.ceil(this.n / ROWS_PER_STEP);
    const total = (this.o.gradients === false ? 1 : 2) * this.depth * perLayer + 1;
    const done =
      this.phase === 'done'
        ? total
        : this.phase === 'forward'
          ? this.layer * perLayer + this.row / ROWS_PER_STEP
          : (this.depth + (this.depth - this.layer)) * perLayer + this.row / ROWS_PER_STEP;
    return Math.min(1, done / total);
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  /** Does a few rows of one layer's work; returns true once the whole simulation is done. */
  step(): boolean {
    if (this.phase === 'forward') {
      this.forwardRows();
    } else if (this.phase === 'backward') {
      this.backwardRows();
    }
    return this.phase === 'done';
  }

  result(): SimulationResult {
    while (!this.step()) {
      // Finish whatever is left: callers that want all of it at once.
    }
    return this.out;
  }

  /** Statistics of h^l, then φ(h^l) into `act` and φ′(h^l) kept for the backward pass. */
  private record(h: Float64Array, l: number): void {
    const { y, dy } = evaluateArray(this.id, h, this.params);
    let sq = 0;
    let dead = 0;
    let mean = 0;
    for (let k = 0; k < h.length; k++) {
      sq += h[k] * h[k];
      mean += y[k];
      if (dy[k] === 0) {
        dead++;
      }
    }
    this.out.meanSquare[l] = sq / h.length;
    this.out.deadFraction[l] = dead / h.length;
    this.out.meanOutput[l] = mean / h.length;
    this.act.set(y);
    this.slopes[l] = dy;
  }

  private weights(layer: number): Random {
    return new Random(this.o.seed, layer);
  }

  /** h^{l+1}[i, :] = Σ_j W_ij φ(h^l)[j, :] + b_i for the next ROWS_PER_STEP rows i. */
  private forwardRows(): void {
    const { n, batch } = this;
    if (this.depth === 0) {
      this.startBackward();
      return;
    }
    if (this.row === 0) {
      this.rng = this.weights(this.layer + 1);
    }
    const rng = this.rng as Random;
    const sd = Math.sqrt(this.o.sigmaW2 / n);
    const bias = new Random(this.o.seed, BIAS_STREAM + this.layer + 1);
    const biasSd = Math.sqrt(this.o.sigmaB2);
    const end = Math.min(n, this.row + ROWS_PER_STEP);
    // Bias of row i: the (i+1)-th draw of the layer's bias stream.
    for (let i = 0; i < this.row; i++) {
      bias.normal();
    }
    // Locals, not fields, in the hot loop: V8 then keeps the arrays in registers.
    const act = this.act;
    const next = this.next;
    for (let i = this.row; i < end; i++) {
      const o = i * batch;
      next.fill(biasSd * bias.normal(), o, o + batch);
      for (let j = 0; j < n; j++) {
        const w = sd * rng.normal();
        const a = j * batch;
        for (let b = 0; b < batch; b++) {
          next[o + b] += w * act[a + b];
        }
      }
    }
    this.row = end;
    if (this.row === n) {
      this.row = 0;
      this.layer++;
      const h = this.next;
      this.next = new Float64Array(h.length);
      this.record(h, this.layer);
      if (this.layer === this.depth) {
        this.startBackward();
      }
    }
  }

  /** δ^depth = v ⊙ φ′(h^depth) with the readout v ~ N(0, 1/N). */
  private startBackward(): void {
    const { n, batch } = this;
    const v = new Float64Array(n);
    new Random(this.o.seed, READOUT_STREAM).fillNormal(v, Math.sqrt(1 / n));
    const top = this.slopes[this.depth];
    this.grad = new Float64Array(n * batch);
    for (let i = 0; i < n; i++) {
      for (let b = 0; b < batch; b++) {
        this.grad[i * batch + b] = v[i] * top[i * batch + b];
      }
    }
    if (this.o.gradients !== false) {
      this.out.gradientNorm[this.depth] = sumSquares(this.grad) / batch;
    }
    this.next = new Float64Array(n * batch);
    this.phase = this.depth === 0 || this.o.gradients === false ? 'done' : 'backward';
  }

  /** δ^{l−1}[j, :] = φ′(h^{l−1})[j, :] · Σ_i W^l_ij δ^l[i, :], accumulated row i by row i of W^l. */
  private backwardRows(): void {
    const { n, batch } = this;
    if (this.row === 0) {
      this.rng = this.weights(this.layer);
      this.next.fill(0);
    }
    const rng = this.rng as Random;
    const sd = Math.sqrt(this.o.sigmaW2 / n);
    const end = Math.min(n, this.row + ROWS_PER_STEP);
    const grad = this.grad;
    const next = this.next;
    for (let i = this.row; i < end; i++) {
      const o = i * batch;
      for (let j = 0; j < n; j++) {
        const w = sd * rng.normal();
        const a = j * batch;
        for (let b = 0; b < batch; b++) {
          next[a + b] += w * grad[o + b];
        }
      }
    }
    this.row = end;
    if (this.row === n) {
      this.row = 0;
      this.layer--;
      const slope = this.slopes[this.layer];
      for (let k = 0; k < this.next.length; k++) {
        this.next[k] *= slope[k];
      }
      [this.grad, this.next] = [this.next, this.grad];
      this.out.gradientNorm[this.layer] = sumSquares(this.grad) / batch;
      if (this.layer === 0) {
        this.phase = 'done';
      }
    }
  }
}

function sumSquares(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    s += a[k] * a[k];
  }
  return s;
}

/** Runs one seeded random network to the end (see NetworkSimulation for what it records). */
export function simulateNetwork(
  id: string,
  params: Params,
  o: SimulationOptions,
): SimulationResult {
  return new NetworkSimulation(id, params, o).result();
}
