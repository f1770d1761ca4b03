// Pitfall diagnostics in a real VS Code: a fixture file and a notebook get exactly the expected
// diagnostics, the quick fix edits the document to the expected text, the ignore comment and the
// per-rule setting silence what they name, the hover over a flagged call leads with the pitfall, and
// "Explain" opens the plot panel on the view that shows the pitfall.
// Every setting changed here is restored afterwards.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { WebviewMessage } from '../../src/protocol';
import { activateExtension, hoversAt, openFixture, positionOf } from './helpers';
import { setSetting } from './hoverExpect';

const SOURCE = 'Activation Lens';

/** Our diagnostics of `uri` once `ready` accepts them (awaiting VS Code's change events, no sleeps). */
async function diagnosticsWhen(
  uri: vscode.Uri,
  ready: (ours: readonly vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
  if (ready(ours())) {
    return ours();
  }
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && ready(ours())) {
        sub.dispose();
        resolve(ours());
      }
    });
  });
}

/** `[code, flagged text, severity]` of each diagnostic, in document order. */
function summary(document: vscode.TextDocument, ds: readonly vscode.Diagnostic[]): string[][] {
  return [...ds]
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => [
      String(d.code),
      document.getText(d.range),
      d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'information',
    ]);
}

/** Applies our quick fix titled `title` for the diagnostic with `code`; resolves once the text changed. */
async function applyFix(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  title: string,
): Promise<void> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `quick fix "${title}" among ${actions.map((a) => a.title).join(', ')}`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}

type Rendered = Extract<WebviewMessage, { type: 'rendered' }>;

/**
 * Runs the "Explain" code action of `diagnostic` the way VS Code does (its command with its arguments),
 * then waits for the panel's first `rendered` report that satisfies `want` (awaiting the host's event).
 */
async function explain(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  want: (r: Rendered) => boolean,
): Promise<Rendered> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.title.startsWith('Explain'));
  assert.ok(action?.command, `an Explain action among ${actions.map((a) => a.title).join(', ')}`);
  const state = await vscode.commands.executeCommand<{ lastRendered?: Rendered }>(
    'activationLens.test.plotState',
  );
  let after = state.lastRendered?.seq ?? 0;
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  for (;;) {
    const r = await vscode.commands.executeCommand<Rendered | undefined>(
      'activationLens.test.nextRendered',
      { after },
    );
    assert.ok(r, 'the panel never drew what Explain asked for');
    if (want(r)) {
      return r;
    }
    after = r.seq;
  }
}

const TRAIN = 'pitfalls/train_classifier.py';

const EXPECTED_TRAIN = [
  ['implicit-softmax-dim', 'nn.Softmax()', 'warning'],
  ['log-of-softmax', 'torch.log(F.softmax(model(tokens, offsets), dim=1))', 'warning'],
  ['handwritten-overflow', 'np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)', 'information'],
  ['double-activation', 'F.softmax(logits, dim=1)', 'warning'],
];

describe('pitfalls: diagnostics, quick fixes, settings', () => {
  before(async () => {
    await activateExtension();
  });

  after(async () => {
    for (const [rule] of EXPECTED_TRAIN) {
      await setSetting(`pitfalls.${rule}`, undefined);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a training script gets exactly its four pitfalls; the ignored line gets none', async () => {
    const { document } = await openFixture(TRAIN);
    const ds = await diagnosticsWhen(document.uri, (d) => d.length === EXPECTED_TRAIN.length);
    assert.deepEqual(summary(document, ds), EXPECTED_TRAIN);
    const ignored = positionOf(document, 'torch.log(torch.sigmoid(logits))').line;
    assert.ok(ds.every((d) => d.range.start.line !== ignored));
    assert.ok(ds.every((d) => d.message.length > 0 && !d.message.includes('tokens')));
  });

  it('each rule setting switches that rule off and on again, and no other', async () => {
    const { document } = await openFixture(TRAIN);
    await diagnosticsWhen(document.uri, (d) => d.length === EXPECTED_TRAIN.length);
    const rules = EXPECTED_TRAIN.map(([rule]) => rule);
    assert.equal(new Set(rules).size, 4, 'the fixture trips every rule once');
    for (const rule of rules) {
      await setSetting(`pitfalls.${rule}`, false);
      const off = await diagnosticsWhen(document.uri, (d) => d.length === rules.length - 1);
      assert.deepEqual(
        summary(document, off),
        EXPECTED_TRAIN.filter(([r]) => r !== rule),
        `${rule} off`,
      );
      await setSetting(`pitfalls.${rule}`, true);
      const on = await diagnosticsWhen(document.uri, (d) => d.length === rules.length);
      assert.deepEqual(summary(document, on), EXPECTED_TRAIN, `${rule} on again`);
      await setSetting(`pitfalls.${rule}`, undefined);
    }
  });

  it('the quick fixes edit the document to the expected text, and the diagnostic goes', async () => {
    const content = [
      'import torch',
      'import torch.nn.functional as F',
      '',
      '',
      'def scores(logits):',
      '    probs = F.softmax(logits)',
      '    return torch.log(F.softmax(logits, dim=-1)), probs',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(document);
    let ds = await diagnosticsWhen(document.uri, (d) => d.length === 2);
    const byCode = (code: string) => ds.find((d) => d.code === code)!;
    await applyFix(document, byCode('implicit-softmax-dim'), 'Pass dim=1');
    ds = await diagnosticsWhen(document.uri, (d) => d.length === 1);
    await applyFix(document, byCode('log-of-softmax'), 'Use log_softmax');
    await diagnosticsWhen(document.uri, (d) => d.length === 0);
    assert.equal(
      document.getText(),
      content
        .replace('F.softmax(logits)', 'F.softmax(logits, dim=1)')
        .replace('torch.log(F.softmax(logits, dim=-1))', 'F.log_softmax(logits, dim=-1)'),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the hover over a flagged call leads with the pitfall and its numbers', async () => {
    const { document } = await openFixture(TRAIN);
    await diagnosticsWhen(document.uri, (d) => d.length === EXPECTED_TRAIN.length);
    const hovers = await hoversAt(document, positionOf(document, 'F.softmax(model', 0, 4));
    const md = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .find((m) => m.startsWith('$(warning)'));
    assert.ok(md, 'a hover led by the pitfall');
    assert.match(md, /^\$\(warning\) \*\*log-of-softmax\*\* — log of softmax: softmax\(1000, 0\)/);
    assert.ok(md.includes('underflows to \\[1, 0\\]; log gives \\[0, −∞\\]'), md.slice(0, 300));
    assert.match(md, /\[Plot\]\(command:activationLens\.plot\?/);
    // The activation hover itself follows.
    assert.match(md, /\n---\n\n\*\*Softmax\*\* · PyTorch/);
  });

  it('Explain opens the Softmax view on the logits the message quotes, the plot for sigmoid', async () => {
    const content = [
      'import numpy as np',
      'import torch',
      'import torch.nn.functional as F',
      '',
      '',
      'def calibrate(logits):',
      '    log_p = torch.log(F.softmax(logits, dim=-1))',
      '    log_q = torch.log(torch.sigmoid(logits))',
      '    return log_p, log_q',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const ds = await diagnosticsWhen(document.uri, (d) => d.length === 2);
    const on = (text: string) => ds.find((d) => document.getText(d.range).startsWith(text))!;
    // log(softmax(1000, 0)): the Softmax view on softmax with those two logits (a fresh panel opens on it).
    const softmax = await explain(
      document,
      on('torch.log(F.softmax'),
      (r) => r.view === 'softmax' && r.series[0]?.id === 'softmax' && r.series[0].points === 2,
    );
    assert.deepEqual(softmax.range, [0, 1]);
    // log(sigmoid(x)): the same panel switches to the function plot of sigmoid and logsigmoid.
    const sigmoid = await explain(
      document,
      on('torch.log(torch.sigmoid'),
      (r) => r.view === 'plot',
    );
    assert.deepEqual(
      sigmoid.series.map((s) => s.id),
      ['sigmoid', 'logsigmoid'],
    );
    const { webviewErrors } = await vscode.commands.executeCommand<{ webviewErrors: string[] }>(
      'activationLens.test.plotState',
    );
    assert.deepEqual(webviewErrors, []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a notebook cell gets the diagnostic, and its fix uses the import of an earlier cell', async () => {
    // An untitled notebook: edits to it leave no state behind for the next run.
    const code = (text: string) =>
      new vscode.NotebookCellData(vscode.NotebookCellKind.Code, text, 'python');
    const data = new vscode.NotebookData([
      new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, '# Calibration', 'markdown'),
      code('import torch\nimport torch.nn.functional as F\n\nlogits = torch.randn(8, 5)'),
      code('scores = torch.log(torch.sigmoid(logits))\nscores.mean()'),
    ]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.getCells()[2].document;
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    const [d] = await diagnosticsWhen(cell.uri, (ds) => ds.length === 1);
    assert.equal(d.code, 'log-of-softmax');
    assert.equal(cell.getText(d.range), 'torch.log(torch.sigmoid(logits))');
    await applyFix(cell, d, 'Use F.logsigmoid');
    assert.equal(cell.getText(), 'scores = F.logsigmoid(logits)\nscores.mean()');
    await diagnosticsWhen(cell.uri, (ds) => ds.length === 0);
    const imports = notebook.getCells()[1].document;
    assert.deepEqual(
      vscode.languages.getDiagnostics(imports.uri).filter((x) => x.source === SOURCE),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
