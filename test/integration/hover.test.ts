// The activation hover in a real VS Code: every language and the main frameworks, on fixture files in
// test/fixtures/hover/. Expected values come from the core (evaluate with the parameters the code gives,
// or the framework's documented default) and, for PyTorch, from the reference file of real PyTorch numbers.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { evaluate, formulasOf, getActivation, type Params } from '../../src/core';
import { formulaLines } from '../../src/hover/formulaImages';
import type { PytorchReference, ScalarReference } from '../pytorchReference';
import { activateExtension, fixturesFolder, openFixture } from './helpers';
import { CASES, NEGATIVES } from './hoverCases';
import {
  argumentLine,
  assertClose,
  assertWellFormedSvg,
  images,
  lensHover,
  valueRows,
} from './hoverExpect';

const DIGITS = 4; // activationLens.significantDigits' default

let reference: PytorchReference;

/** The reference series for (id, params), matching parameters after the catalogue's defaults are filled. */
function referenceFor(id: string, params: Params): ScalarReference | undefined {
  const specs = getActivation(id)?.params ?? [];
  const full = (p: Params): string =>
    JSON.stringify(specs.map((s) => (s.name in p ? p[s.name] : s.default)));
  return reference.scalar.find((r) => r.id === id && full(r.params) === full(params));
}

describe('hover: activation calls in every language', () => {
  before(async () => {
    await activateExtension();
    const file = vscode.Uri.joinPath(fixturesFolder(), 'pytorch-activations.json');
    reference = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8'));
  });

  for (const c of CASES) {
    it(`${c.file}: ${c.needle} → ${c.id} ${JSON.stringify(c.params)}`, async () => {
      const { document } = await openFixture(`hover/${c.file}`);
      const md = await lensHover(document, c.needle, c.nth ?? 0, c.offset ?? 0);
      assert.ok(md, `no hover on ${c.needle}`);
      const info = getActivation(c.id);
      assert.ok(info);
      const title = md.split('\n')[0];
      assert.ok(title.includes(`**${info.name}`), title);
      assert.ok(title.includes(` · ${c.framework} · `), title);

      // Formulas: f and f' typeset (a long f′ with its sub-expression on a line of its own), alt text
      // the core's Unicode formula for these parameters.
      const { f, df } = formulasOf(c.id, c.params);
      const lines = formulaLines({ f, df }, 'scalar').map((l) => l.unicode);
      assert.equal(lines[0], `f(x) = ${f.unicode}`);
      assert.ok(`${lines.slice(1).join(', ')}`.startsWith('f′(x) = '), lines[1]);
      const pics = images(md);
      assert.deepEqual(
        pics.slice(0, lines.length).map((p) => p.alt),
        lines,
      );
      assert.equal(pics.length, lines.length + 1, 'the formulas and the plot');
      pics.forEach((p) => assertWellFormedSvg(p.svg));

      // Values: every number shown equals the core's for the code's parameters.
      const points = c.arg === undefined ? valueRows(md) : [argumentLine(md)!];
      assert.ok(points.length > 0 && points[0], 'values shown');
      if (c.arg !== undefined) {
        assert.equal(points[0].x, c.arg);
      }
      for (const p of points) {
        const e = evaluate(c.id, p.x, c.params);
        assertClose(p.y, e.y, DIGITS, `f(${p.x})`);
        assertClose(p.dy, e.dy, DIGITS, `f'(${p.x})`);
      }
      // Where real PyTorch was measured at a shown point, the hover agrees with it too.
      const ref = c.framework === 'PyTorch' ? referenceFor(c.id, c.params) : undefined;
      for (const p of points) {
        const i = ref ? ref.x.indexOf(p.x) : -1;
        if (ref && i >= 0) {
          assertClose(p.y, ref.y[i], DIGITS, `PyTorch f(${p.x})`);
          assertClose(p.dy, ref.dy[i], DIGITS, `PyTorch f'(${p.x})`);
        }
      }
    });
  }

  it('PyTorch cases meet the reference at shown points (the check above is not vacuous)', async () => {
    const { document } = await openFixture('hover/torch_relu.py');
    const md = await lensHover(document, 'F.relu(', 0, 2);
    const ref = referenceFor('relu', {});
    assert.ok(md && ref);
    const shared = valueRows(md).filter((p) => ref.x.includes(p.x));
    assert.ok(shared.length >= 1, `rows at reference points: ${shared.length}`);
  });

  it('says which one-sided slope autograd returns at a kink', async () => {
    const { document } = await openFixture('hover/torch_model.py');
    const md = await lensHover(document, 'F.leaky_relu(0.0)', 0, 2);
    assert.ok(md);
    const ref = referenceFor('leaky_relu', {});
    assert.ok(ref);
    const at0 = ref.dy[ref.x.indexOf(0)];
    const left = ref.dy[ref.x.indexOf(-0.5)];
    assertClose(argumentLine(md)!.dy, at0, DIGITS, "PyTorch leaky_relu'(0)");
    assert.equal(at0, left, 'reference: PyTorch takes the left-hand slope at 0');
    assert.match(md, /a kink: PyTorch's autograd returns the left-hand slope/);
  });

  it('shows a non-literal parameter as such and uses the default', async () => {
    const { document } = await openFixture('hover/torch_model.py');
    const md = await lensHover(document, 'F.leaky_relu(h', 0, 2);
    assert.ok(md);
    assert.match(md, /negative\\_slope = 0\.01 \(not a literal/);
    const rows = valueRows(md);
    assert.ok(rows.length >= 3, `values shown: ${rows.length}`);
    for (const p of rows) {
      assertClose(p.dy, evaluate('leaky_relu', p.x, {}).dy, DIGITS, `f'(${p.x})`);
    }
  });

  it('names the framework default when the code gives none (JAX gelu: tanh)', async () => {
    const { document } = await openFixture('hover/jax_model.py');
    const md = await lensHover(document, 'jax.nn.gelu(', 0, 7);
    assert.ok(md);
    assert.match(md.split('\n')[0], /GELU \(tanh approximation\)/);
  });

  it('links Plot and Compare to our commands with the call parameters, Docs to https', async () => {
    const { document } = await openFixture('hover/torch_model.py');
    const md = await lensHover(document, 'nn.LeakyReLU(', 0, 3);
    assert.ok(md);
    const plot = /\]\(command:activationLens\.plot\?([^ )]+)/.exec(md);
    assert.ok(plot, 'plot link');
    const [args] = JSON.parse(decodeURIComponent(plot[1]));
    assert.deepEqual(args.series[0].id, 'leaky_relu');
    assert.equal(args.series[0].params.negative_slope, 0.2);
    const compare = /\]\(command:activationLens\.compare\?([^ )]+)/.exec(md);
    assert.ok(compare, 'compare link');
    const ids = JSON.parse(decodeURIComponent(compare[1]))[0].series.map(
      (s: { id: string }) => s.id,
    );
    assert.deepEqual(ids, ['leaky_relu', ...getActivation('leaky_relu')!.related]);
    assert.match(md, /\[Docs\]\(https:\/\//);
  });

  for (const n of NEGATIVES) {
    it(`no hover: ${n.file} ${JSON.stringify(n.needle)}`, async () => {
      const { document } = await openFixture(`hover/${n.file}`);
      assert.equal(await lensHover(document, n.needle, 0, n.offset ?? 0), undefined);
    });
  }
});
