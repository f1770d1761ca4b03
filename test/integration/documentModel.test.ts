// The document model in a real VS Code: a whole long file with docstrings hovered at many points, a
// notebook whose imports and definitions are in its first cell, a cross-file `from .act import …` in the
// workspace, burn and candle model files, and follow-cursor costing nothing while off in a 20 MB file.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getActivation } from '../../src/core';
import { activateExtension, fixturesFolder, openFixture } from './helpers';
import { lensHover } from './hoverExpect';

/** One hover to check: the nth `needle` (+offset), and the activation expected there, or none. */
type Case = readonly [needle: string, nth: number, offset: number, id: string | undefined];

async function expectHovers(document: vscode.TextDocument, cases: readonly Case[]): Promise<void> {
  for (const [needle, nth, offset, id] of cases) {
    const md = await lensHover(document, needle, nth, offset);
    const where = `${document.uri.path.split('/').pop()}: ${needle} #${nth}`;
    if (id === undefined) {
      assert.equal(md, undefined, `no hover expected at ${where}`);
    } else {
      assert.ok(md, `a hover expected at ${where}`);
      const title = md.split('\n')[0];
      assert.ok(
        title.startsWith(`**${getActivation(id).name}`),
        `${where}: expected ${getActivation(id).name}, got ${title}`,
      );
    }
  }
}

describe('document model in VS Code', () => {
  before(async () => {
    await activateExtension();
  });

  it('hovers a long guide with docstrings: code between them, never the prose', async () => {
    const { document } = await openFixture('docmodel/keras_guide.py');
    await expectHovers(document, [
      // Prose in the module docstring and in the docstrings between the code.
      ['activation="relu"', 0, 12, undefined],
      ['Activation("gelu")', 0, 13, undefined],
      ['keras.activations.sigmoid', 0, 20, undefined],
      ['ops.softmax', 0, 5, undefined],
      ['Activation("swish")', 0, 13, undefined],
      ['ops.leaky_relu(x, negative_slope=0.1)', 0, 5, undefined],
      ['ops.leaky_relu(x, 0.1)', 0, 5, undefined],
      ['activation="softmax"', 0, 12, undefined],
      // Code.
      ['activation="relu"', 1, 12, 'relu'],
      ['activation="gelu"', 0, 12, 'gelu'],
      ['Activation("swish")', 1, 13, 'silu'],
      ['ops.leaky_relu(h', 0, 5, 'leaky_relu'],
      ['ops.hard_sigmoid(x)', 0, 5, 'hardsigmoid'],
      ['ops.silu(x)', 0, 5, 'silu'],
      ['activation="softmax"', 1, 12, 'softmax'],
      // A layer defined in the file, recognized by its `call`; one that applies a Dense first is not.
      ['Swish()(x)', 0, 1, 'silu'],
      ['LeakyBlock(64)', 0, 1, undefined],
    ]);
  });

  it('follows `from .act import GELUTanh` to the workspace file and says where it is defined', async () => {
    const { document } = await openFixture('docmodel/pkg/model.py');
    const md = await lensHover(document, 'GELUTanh()', 0, 2);
    assert.ok(md, 'a hover on GELUTanh()');
    assert.match(md.split('\n')[0], /GELU \(tanh approximation\)/);
    assert.match(
      md,
      /Defined in `+ \.act `+ at line 12 as `+ nn\.functional\.gelu\(input, approximate="tanh"\) `+/,
    );
    // Through the attribute it was assigned to, too.
    assert.match(
      (await lensHover(document, 'self.act(', 0, 6)) ?? '',
      /GELU \(tanh approximation\)/,
    );
    // A layer whose body is not an activation: no hover, by name or through its attribute.
    await expectHovers(document, [
      ['ScaledTanh()', 0, 2, undefined],
      ['self.gate(', 0, 6, undefined],
    ]);
  });

  it('a notebook cell uses the imports and definitions of the first cell', async () => {
    const uri = vscode.Uri.joinPath(fixturesFolder(), 'docmodel', 'imports_first.ipynb');
    const notebook = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(notebook);
    const cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    assert.equal(cells.length, 2);
    const second = cells[1].document;
    const leaky = await lensHover(second, 'F.leaky_relu', 0, 4);
    assert.ok(leaky, 'F is imported in the first cell');
    assert.match(leaky, /negative\\_slope = 0\.2/);
    const sig = await lensHover(second, 'sigmoid(x', 0, 2);
    assert.ok(sig, 'sigmoid is defined in the first cell');
    assert.match(sig.split('\n')[0], /^\*\*Sigmoid/);
    assert.match(sig, /Defined at line 5 as `+ 1\.0 \/ \(1\.0 \+ np\.exp\(-z\)\) `+/);
  });

  it('hovers a burn model file', async () => {
    const { document } = await openFixture('docmodel/burn_model.rs');
    await expectHovers(document, [
      ['Gelu, Linear', 0, 1, undefined], // in a use list
      ['Gelu::new()', 0, 1, 'gelu'],
      ['sigmoid(h.clone())', 0, 2, 'sigmoid'],
      ['softmax(self.fc2', 0, 2, 'softmax'],
      ['activation::relu(x)', 0, 13, undefined], // in a doc comment
      ['Relu::new()', 0, 1, undefined], // in a block comment
    ]);
  });

  it('hovers a candle model file', async () => {
    const { document } = await openFixture('docmodel/candle_model.rs');
    await expectHovers(document, [
      ['sigmoid,', 0, 2, undefined], // a continuation line of the use list
      ['softmax,', 0, 2, undefined],
      ['gelu_erf()', 0, 2, 'gelu'],
      ['sigmoid(&h)', 0, 2, 'sigmoid'],
      ['relu()?', 0, 1, undefined], // in a block comment opened lines above
      ['softmax(&y', 0, 2, 'softmax'],
    ]);
  });

  it('follow-cursor off: 1,000 cursor moves in a 20 MB file copy no text out of VS Code', async function () {
    // Sending 20 MB between the test's host and the workbench takes a while on a loaded machine.
    this.timeout(240_000);
    const follow = vscode.workspace.getConfiguration('activationLens').get('plot.followCursor');
    assert.equal(follow, false, 'follow-cursor is off by default');
    const line = 'y = torch.nn.functional.relu(x)  # a long generated file\n';
    const content = line.repeat(Math.ceil(20_000_000 / line.length));
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    const editor = await vscode.window.showTextDocument(document);
    const reads = async (): Promise<number> =>
      (await vscode.commands.executeCommand<number>('activationLens.test.textReads')) ?? -1;
    const before = await reads();
    assert.ok(before >= 0, 'the test hook answers');
    for (let k = 0; k < 1000; k++) {
      const at = new vscode.Position((k * 7919) % document.lineCount, 20);
      editor.selection = new vscode.Selection(at, at);
    }
    // A command round trip after the moves: every selection event before it has been delivered.
    assert.equal(await reads(), before, 'no getText while follow-cursor is off');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
