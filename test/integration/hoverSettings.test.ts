// The hover and its settings, the colour theme and notebooks, in a real VS Code. Every setting changed here
// is restored afterwards.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { evaluate, getActivation } from '../../src/core';
import { coloursFor } from '../../src/hover/themeColours';
import { activateExtension, fixturesFolder, hoversAt, openFixture } from './helpers';
import {
  assertClose,
  assertWellFormedSvg,
  images,
  lensHover,
  setSetting,
  valueRows,
} from './hoverExpect';

const RELU = { file: 'hover/torch_relu.py', needle: 'F.relu(', offset: 2 };

async function reluHover(): Promise<string | undefined> {
  const { document } = await openFixture(RELU.file);
  return lensHover(document, RELU.needle, 0, RELU.offset);
}

/** Switches the colour theme and resolves when the extension host has seen the new theme. */
async function setTheme(name: string, kind: vscode.ColorThemeKind): Promise<void> {
  if (vscode.window.activeColorTheme.kind === kind) {
    return;
  }
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.window.onDidChangeActiveColorTheme((t) => {
      if (t.kind === kind) {
        sub.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace
    .getConfiguration('workbench')
    .update('colorTheme', name, vscode.ConfigurationTarget.Global);
  await changed;
}

describe('hover: settings, theme and notebooks', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    for (const key of [
      'hover.enabled',
      'hover.sections',
      'hover.languages',
      'significantDigits',
      'hover.plotRange',
      'hover.fixedRange',
    ]) {
      await setSetting(key, undefined);
    }
  });

  it('hover.enabled = false removes the hover without a reload, true brings it back', async () => {
    assert.ok(await reluHover());
    await setSetting('hover.enabled', false);
    assert.equal(await reluHover(), undefined);
    await setSetting('hover.enabled', true);
    assert.ok(await reluHover());
  });

  it('hover.languages without python gives no hover in Python', async () => {
    await setSetting('hover.languages', ['javascript', 'julia']);
    assert.equal(await reluHover(), undefined);
  });

  it('hover.sections switches sections off one by one', async () => {
    const full = await reluHover();
    assert.ok(full);
    assert.equal(images(full).length, 3);
    await setSetting('hover.sections', {
      formulas: false,
      plot: true,
      values: false,
      properties: true,
      differences: true,
      actions: false,
    });
    const part = await reluHover();
    assert.ok(part);
    assert.equal(images(part).length, 1, 'only the plot is left');
    assert.equal(valueRows(part).length, 0, 'no values table');
    assert.ok(!part.includes('command:activationLens'), 'no action links');
    assert.ok(part.includes('range'), 'properties still there');
  });

  it('hover.plotRange "fixed" plots [−fixedRange, fixedRange]; "auto" the catalogue range', async () => {
    /** The x range the hover's plot states ("x ∈ [lo, hi]" in its SVG). */
    const plotted = async (): Promise<number[]> => {
      const md = await reluHover();
      assert.ok(md);
      const plot = images(md).find((p) => /x (?:∈|&#x2208;) \[/.test(p.svg));
      assert.ok(plot, 'the hover has a plot');
      const m = /x (?:∈|&#x2208;) \[([^,\]]+), ([^\]]+)\]/.exec(plot.svg);
      assert.ok(m);
      return [m[1], m[2]].map((v) => Number(v.replace('−', '-')));
    };
    const [lo, hi] = getActivation('relu').plotRange;
    assert.deepEqual(await plotted(), [lo, hi], 'auto: the catalogue range');
    await setSetting('hover.fixedRange', 7);
    assert.deepEqual(await plotted(), [lo, hi], 'fixedRange alone changes nothing');
    await setSetting('hover.plotRange', 'fixed');
    assert.deepEqual(await plotted(), [-7, 7]);
    await setSetting('hover.fixedRange', 2.5);
    assert.deepEqual(await plotted(), [-2.5, 2.5]);
    assert.notDeepEqual([lo, hi], [-7, 7]);
  });

  it('significantDigits changes how many digits the values show', async () => {
    await setSetting('significantDigits', 8);
    const { document } = await openFixture('hover/jax_model.py');
    const md = await lensHover(document, 'jax.nn.sigmoid(', 0, 7);
    assert.ok(md);
    const rows = valueRows(md).filter((r) => r.x !== 0);
    assert.ok(rows.length > 0, 'rows away from 0');
    for (const r of rows) {
      assertClose(r.y, evaluate('sigmoid', r.x, {}).y, 8, `sigmoid(${r.x}) to 8 digits`);
    }
    // sigmoid at a non-zero x is irrational: eight digits printed means eight digits shown.
    const fRow = /<th align="left">f\(x\)<\/th>(.*?)<\/tr>/.exec(md)?.[1] ?? '';
    const printed = [...fRow.matchAll(/<td[^>]*>(?:&nbsp;)*([^<]*)<\/td>/g)].map((c) => c[1]);
    assert.ok(
      printed.some((v) => v.replace(/[^0-9]/g, '').replace(/^0+/, '').length === 8),
      printed.join(' '),
    );
  });

  it('switches the formula colours with the theme kind', async () => {
    try {
      await setTheme('Default Light Modern', vscode.ColorThemeKind.Light);
      const light = images((await reluHover())!)[0].svg;
      assert.ok(light.includes(`fill="${coloursFor('light').text}"`), 'light formula colour');
      await setTheme('Default Dark Modern', vscode.ColorThemeKind.Dark);
      const dark = images((await reluHover())!)[0].svg;
      assert.ok(dark.includes(`fill="${coloursFor('dark').text}"`), 'dark formula colour');
      await setTheme('Default High Contrast', vscode.ColorThemeKind.HighContrast);
      const hc = images((await reluHover())!)[0].svg;
      assert.ok(
        hc.includes(`fill="${coloursFor('highContrast').text}"`),
        'high contrast formula colour',
      );
      await setTheme('Default High Contrast Light', vscode.ColorThemeKind.HighContrastLight);
      const hcLight = images((await reluHover())!)[0].svg;
      assert.ok(
        hcLight.includes(`fill="${coloursFor('highContrastLight').text}"`),
        'high contrast light formula colour',
      );
    } finally {
      await vscode.workspace
        .getConfiguration('workbench')
        .update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('hovers in notebook code cells, not in markdown cells', async () => {
    const uri = vscode.Uri.joinPath(fixturesFolder(), 'hover', 'notebook.ipynb');
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const code = notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code);
    const markdown = notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Markup);
    assert.ok(code && markdown);
    assert.equal(code.document.languageId, 'python');
    assert.equal(code.document.uri.scheme, 'vscode-notebook-cell');
    const md = await lensHover(code.document, 'F.gelu(', 0, 2);
    assert.ok(md, 'hover in a notebook cell');
    assert.match(md.split('\n')[0], /GELU \(tanh approximation\)/);
    const pictures = images(md);
    // f, f′ (GELU's tanh form adds a line for its sub-expression) and the plot.
    assert.ok(pictures.length >= 3, `${pictures.length} images`);
    pictures.forEach((p) => assertWellFormedSvg(p.svg));
    const rows = valueRows(md);
    assert.ok(rows.length >= 3, `values shown: ${rows.length}`);
    for (const p of rows) {
      assertClose(p.y, evaluate('gelu', p.x, { approximate: 'tanh' }).y, 4, `gelu(${p.x})`);
    }
    const text = markdown.document.getText();
    const at = markdown.document.positionAt(text.indexOf('F.relu') + 2);
    const ours = (await hoversAt(markdown.document, at)).filter((h) =>
      h.contents.some((c) => (typeof c === 'string' ? c : c.value).startsWith('**')),
    );
    assert.equal(ours.length, 0, 'no hover in a markdown cell');
  });
});
