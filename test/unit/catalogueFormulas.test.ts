/**
 * The shape every formula the hover and the panel show must have, for every entry and every formula
 * variant: TeX and Unicode both present, and a piecewise formula written as the same pieces in both, each
 * with a value and a condition. A piece lost or emptied would show a formula that states another function.
 */
import { strict as assert } from 'node:assert';
import { formulasOf, listActivations, type Formula } from '../../src/core';

/** The [value, condition] pieces of `\begin{cases} v & c \\ … \end{cases}`, or undefined if not piecewise. */
function texPieces(tex: string): [string, string][] | undefined {
  const m = /^\\begin\{cases\}(.*)\\end\{cases\}$/s.exec(tex);
  return m?.[1].split(' \\\\ ').map((row) => {
    const [v, c, ...rest] = row.split(' & ');
    assert.equal(rest.length, 0, row);
    return [v.trim(), (c ?? '').trim()];
  });
}

/** The [value, condition] pieces of "v if c; w if d". */
function unicodePieces(unicode: string): [string, string][] {
  return unicode.split('; ').map((piece) => {
    const at = piece.lastIndexOf(' if ');
    return at < 0 ? [piece, ''] : [piece.slice(0, at).trim(), piece.slice(at + 4).trim()];
  });
}

function checkFormula(what: string, f: Formula): number {
  assert.ok(f.tex.trim().length > 0, `${what}: TeX`);
  assert.ok(f.unicode.trim().length > 0, `${what}: Unicode`);
  // A piece built from a missing part prints "undefined" rather than failing.
  assert.doesNotMatch(`${f.tex} ${f.unicode}`, /undefined|NaN|null/, what);
  const tex = texPieces(f.tex);
  if (tex === undefined) {
    assert.doesNotMatch(f.unicode, / if /, `${what}: a Unicode piecewise formula has TeX cases`);
    return 0;
  }
  const unicode = unicodePieces(f.unicode);
  assert.equal(unicode.length, tex.length, `${what}: as many pieces in Unicode as in TeX`);
  assert.ok(tex.length >= 2, `${what}: a piecewise formula has two pieces or more`);
  for (const [i, [v, c]] of tex.entries()) {
    assert.ok(v.length > 0 && c.length > 0, `${what}: TeX piece ${i} "${v}" & "${c}"`);
    const [uv, uc] = unicode[i];
    assert.ok(uv.length > 0 && uc.length > 0, `${what}: Unicode piece ${i} "${uv}" if "${uc}"`);
  }
  return tex.length;
}

describe('formulas: TeX and Unicode state the same pieces', () => {
  it('runs over every entry', () => {
    assert.ok(listActivations().length >= 38, `${listActivations().length} entries`);
  });
  for (const a of listActivations()) {
    it(a.id, () => {
      for (const p of [{}, ...(a.formulaVariants ?? [])]) {
        const { f, df } = formulasOf(a.id, p);
        checkFormula(`${a.id} ${JSON.stringify(p)} f`, f);
        checkFormula(`${a.id} ${JSON.stringify(p)} f′`, df);
      }
    });
  }

  it('the kinked entries show their derivative piecewise', () => {
    let piecewise = 0;
    for (const a of listActivations().filter((x) => x.kind === 'scalar')) {
      for (const p of [{}, ...(a.formulaVariants ?? [])]) {
        piecewise += checkFormula(`${a.id} f′`, formulasOf(a.id, p).df) > 0 ? 1 : 0;
      }
    }
    // relu (two forms), relu6, relu_squared, leaky_relu, prelu, rrelu, hardtanh, threshold, hardsigmoid
    // (three slopes), the shrinks, elu and its kin: at least these ten write f′ in cases.
    assert.ok(piecewise >= 10, `${piecewise} piecewise derivatives`);
  });
});
