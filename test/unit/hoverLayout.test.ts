/**
 * The hover's layout in plain Node: a formula that names a sub-expression is typeset as two lines, the plot
 * always sits beside the formulas (one table row), and a formula wider than the column is scaled to it.
 */
import { strict as assert } from 'node:assert';
import { formulasOf } from '../../src/core';
import { factsFor } from '../../src/hover/activationFacts';
import { FormulaImages, formulaLines } from '../../src/hover/formulaImages';
import { FORMULA_COLUMN_MAX, hoverMarkdown } from '../../src/hover/hoverMarkdown';

const SETTINGS = {
  sections: {
    formulas: true,
    plot: true,
    values: false,
    properties: false,
    differences: false,
    actions: false,
  },
  significantDigits: 4,
  plotRange: 'auto' as const,
  fixedRange: 5,
};

/** A store with a stand-in SVG of the given width for every line of `id`'s formulas. */
function storeOf(id: string, params: Record<string, string>, width: number): FormulaImages {
  const formulas: Record<string, string> = {};
  for (const line of formulaLines(formulasOf(id, params), 'scalar')) {
    formulas[line.tex] =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20"><g fill="currentColor"/></svg>`;
  }
  return new FormulaImages({ version: 1, formulas });
}

describe('hover layout', () => {
  it("GELU's tanh derivative is two lines: f′ and “where u = …”", () => {
    const lines = formulaLines(formulasOf('gelu', { approximate: 'tanh' }), 'scalar');
    assert.equal(lines.length, 3);
    assert.ok(lines[1].tex.startsWith("f'(x) = "), lines[1].tex);
    assert.ok(!lines[1].tex.includes('u ='), lines[1].tex);
    // The definition as the catalogue writes it, u = √(2/π)(x + 0.044715x³), now on its own line.
    assert.equal(lines[2].unicode, 'where u = √(2/π)(x + 0.044715x³)');
    assert.ok(lines[2].tex.startsWith('\\text{where } u = \\sqrt{2/\\pi}'), lines[2].tex);
  });

  it('a formula without a named part stays one line each for f and f′', () => {
    const lines = formulaLines(formulasOf('relu'), 'scalar');
    assert.deepEqual(
      lines.map((l) => l.tex.slice(0, 8)),
      ['f(x) = \\', "f'(x) = "],
    );
  });

  it('puts the plot beside the formulas and scales a formula wider than the column', () => {
    const call = { id: 'gelu', params: { approximate: 'tanh' }, framework: 'pytorch' as const };
    const facts = factsFor({ ...call, start: 0, end: 4 });
    assert.ok(facts);
    const wide = hoverMarkdown({
      facts,
      callText: 'nn.GELU(approximate="tanh")',
      settings: SETTINGS,
      theme: 'dark',
      formulas: storeOf('gelu', call.params, 700),
    });
    const row =
      /<table><tr><td valign="top">(.*?)<\/td><td valign="top">(.*?)<\/td><\/tr><\/table>/.exec(
        wide,
      );
    assert.ok(row, wide.slice(0, 300));
    assert.equal((row[1].match(/<img /g) ?? []).length, 3, 'f, f′ and the where-line');
    assert.equal((row[1].match(new RegExp(`width="${FORMULA_COLUMN_MAX}"`, 'g')) ?? []).length, 3);
    assert.match(row[2], /^<img src="data:image\/svg\+xml;base64,[^"]+" alt="GELU/);

    const narrow = hoverMarkdown({
      facts,
      callText: 'nn.GELU(approximate="tanh")',
      settings: SETTINGS,
      theme: 'dark',
      formulas: storeOf('gelu', call.params, 200),
    });
    assert.doesNotMatch(narrow, /width="/, 'a formula that fits keeps its own size');
  });
});
