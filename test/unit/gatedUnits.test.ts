/**
 * The gated linear units of Shazeer, "GLU Variants Improve Transformer" (2020): z = [a; b] split in halves
 * as F.glu splits it, y = a ⊙ g(b) with g = SiLU (SwiGLU), GELU (GEGLU), ReLU (ReGLU). Their values are
 * checked against PyTorch in coreReference; here the input rule and what the formulas name.
 */
import { strict as assert } from 'node:assert';
import { evaluateVector, formulasOf } from '../../src/core';

/** The gate each variant's definition names (Shazeer 2020, section 2). */
const GATES: readonly [id: string, gate: string][] = [
  ['swiglu', 'SiLU'],
  ['geglu', 'GELU'],
  ['reglu', 'ReLU'],
];

describe('gated linear units', () => {
  it('refuse an odd-length input, naming the unit (F.glu: "Halving dimension must be even")', () => {
    assert.equal(GATES.length, 3);
    for (const [id] of GATES) {
      assert.throws(
        () => evaluateVector(id, [1, 2, 3]),
        (e: Error) => e.message.startsWith(`${id}:`) && /even/.test(e.message),
        id,
      );
      assert.doesNotThrow(() => evaluateVector(id, [1, 2, 3, 4]), id);
    }
  });

  it('state y = a ⊙ g(b) and both partial derivatives with the gate of their definition', () => {
    for (const [id, gate] of GATES) {
      const { f, df } = formulasOf(id);
      assert.ok(f.unicode.includes(`a ⊙ ${gate}(b)`), `${id}: ${f.unicode}`);
      assert.ok(f.tex.includes(`\\operatorname{${gate}}(b)`), `${id}: ${f.tex}`);
      // ∂yᵢ/∂aᵢ is the gate itself; ∂yᵢ/∂bᵢ is aᵢ times the gate's derivative, a function of bᵢ.
      assert.ok(df.unicode.includes(`∂yᵢ/∂aᵢ = ${gate}(bᵢ)`), `${id}: ${df.unicode}`);
      assert.ok(df.tex.includes(`\\operatorname{${gate}}(b_i)`), `${id}: ${df.tex}`);
      assert.match(df.unicode, /∂yᵢ\/∂bᵢ = aᵢ·.*bᵢ/, `${id}: ${df.unicode}`);
      assert.match(df.tex, /\\partial b_i\} = a_i\\,.*b_i/, `${id}: ${df.tex}`);
    }
  });
});
