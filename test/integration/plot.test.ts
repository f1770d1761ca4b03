// Plot Activation in a real VS Code: the commands open and reuse one panel beside the editor, the webview
// (real Chromium) draws what was asked and reports it back, Compare adds, follow-cursor follows, malformed
// messages are dropped, and closing the panel gives back every listener.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getActivation, resolveParams } from '../../src/core';
import { activateExtension } from './helpers';
import {
  closePanel,
  cursorOn,
  ids,
  plotState,
  plotTabs,
  pythonEditor,
  renderedAfter,
} from './plotHelpers';

const CODE = [
  'import torch.nn.functional as F',
  'from torch import nn',
  '',
  'y = F.leaky_relu(x, 0.2)',
  'z = F.gelu(x, approximate="tanh")',
  'act = nn.ELU(alpha=0.5)',
  'n = len(x)',
  '',
].join('\n');

describe('plot panel', function () {
  this.timeout(60_000);

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closePanel();
  });

  it('Plot with args opens one panel beside the editor and draws those series with those parameters', async () => {
    await pythonEditor('x = 1\n');
    const r = await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.plot', {
          series: [{ id: 'leaky_relu', params: { negative_slope: 0.2 } }],
        }),
      (m) => ids(m).join() === 'leaky_relu',
    );
    assert.equal(r.view, 'plot');
    assert.deepEqual(r.series[0].params, { negative_slope: 0.2 });
    assert.deepEqual(r.series[0].curves, ['f', 'df']);
    assert.ok(r.series[0].points >= 500, `only ${r.series[0].points} points`);
    // The default range is the catalogue's plot range for the function.
    assert.deepEqual(r.range, [...getActivation('leaky_relu').plotRange]);
    const state = await plotState();
    assert.equal(state.open, true);
    assert.equal(state.viewColumn, vscode.ViewColumn.Two);
    assert.equal(plotTabs().length, 1);
    assert.deepEqual(state.webviewErrors, []);
  });

  it('a second Plot reuses the panel and replaces the series; Compare adds to them', async () => {
    await vscode.commands.executeCommand('activationLens.plot', {
      series: [{ id: 'relu', params: {} }],
    });
    const replaced = await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.plot', {
          series: [{ id: 'sigmoid', params: {} }],
        }),
      (m) => ids(m).join() === 'sigmoid',
    );
    assert.deepEqual(ids(replaced), ['sigmoid']);
    const compared = await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.compare', {
          series: [
            { id: 'tanh', params: {} },
            { id: 'gelu', params: { approximate: 'tanh' } },
          ],
        }),
      (m) => m.series.length === 3,
    );
    assert.deepEqual(ids(compared), ['sigmoid', 'tanh', 'gelu']);
    assert.deepEqual(compared.series[2].params, { approximate: 'tanh' });
    // Three different colours, one per series.
    assert.equal(new Set(compared.colours).size, 3);
    assert.equal(plotTabs().length, 1);
  });

  it('an empty series list opens nothing', async () => {
    await closePanel();
    await vscode.commands.executeCommand('activationLens.plot', { series: [] });
    await vscode.commands.executeCommand('activationLens.compare', { series: [] });
    assert.equal(plotTabs().length, 0);
    assert.equal((await plotState()).open, false);
  });

  it('with no args, plots the call under the cursor with its parameters', async () => {
    const editor = await pythonEditor(CODE);
    cursorOn(editor, 'ELU(alpha');
    const r = await renderedAfter(
      () => vscode.commands.executeCommand('activationLens.plot'),
      (m) => ids(m).join() === 'elu',
    );
    assert.equal(r.series[0].params.alpha, 0.5);
  });

  it('follow-cursor mode plots the call the cursor moves onto', async () => {
    const editor = await pythonEditor(CODE);
    await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.plot', {
          series: [{ id: 'relu', params: {} }],
        }),
      (m) => ids(m).join() === 'relu',
    );
    const on = await vscode.commands.executeCommand<boolean>('activationLens.toggleFollowCursor');
    const saved = () =>
      vscode.workspace.getConfiguration('activationLens').get('plot.followCursor');
    try {
      assert.equal(on, true);
      assert.equal(saved(), true, 'the toggle is kept in the settings');
      const r = await renderedAfter(
        async () => cursorOn(editor, 'gelu('),
        (m) => ids(m).join() === 'gelu',
      );
      assert.equal(r.series[0].params.approximate, 'tanh');
      const r2 = await renderedAfter(
        async () => cursorOn(editor, 'leaky_relu('),
        (m) => ids(m).join() === 'leaky_relu',
      );
      assert.equal(r2.series[0].params.negative_slope, 0.2);
    } finally {
      await vscode.commands.executeCommand('activationLens.toggleFollowCursor');
    }
    assert.equal((await plotState()).followCursor, false);
    assert.equal(saved(), false);
  });

  it('bad arguments get an error message naming what was wrong, and the panel keeps its series', async () => {
    await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.plot', {
          series: [{ id: 'tanh', params: {} }],
        }),
      (m) => ids(m).join() === 'tanh',
    );
    const cases: [unknown, RegExp][] = [
      [
        { series: 'relu' },
        /the plot arguments must look like \{ series: \[\{ id, params \}\], view\?/,
      ],
      [{ series: [{ id: 'no_such_activation', params: {} }] }, /cannot plot .*no_such_activation/],
      [{ series: [{ id: 'softshrink', params: { lambd: -1 } }] }, /cannot plot .*lambd/],
      [{ series: [{ id: 'elu', params: { alpha: 'big' } }] }, /cannot plot .*alpha/],
      [
        { series: [{ id: 'leaky_relu', params: { negative_slope: 1.7e308 } }] },
        /cannot plot .*'negative_slope' must be between −1e100 and 1e100/,
      ],
      // A view that is not one of ours is refused, not guessed at.
      [
        { series: [{ id: 'elu', params: {} }], view: 'Depth' },
        /the plot arguments must look like \{ series: \[\{ id, params \}\], view\?/,
      ],
    ];
    for (const [args, message] of cases) {
      const before = (await plotState()).userErrors.at(-1);
      await vscode.commands.executeCommand('activationLens.plot', args);
      const shown = (await plotState()).userErrors.at(-1);
      assert.notEqual(shown, before, `a new message for ${JSON.stringify(args)}`);
      assert.match(shown ?? '', message, JSON.stringify(args));
    }
    // The invalid ones were refused before reaching the panel (the core agrees they are invalid).
    assert.throws(() => resolveParams('softshrink', { lambd: -1 }));
    const r = await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.compare', {
          series: [{ id: 'relu', params: {} }],
        }),
      (m) => m.series.length === 2,
    );
    assert.deepEqual(ids(r), ['tanh', 'relu']);
  });

  it('view "depth" opens a new panel on the depth view of that activation, with no plot before it', async () => {
    await closePanel();
    const seen: string[] = [];
    await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.plot', {
          series: [{ id: 'selu', params: {} }],
          view: 'depth',
        }),
      (m) => {
        seen.push(`${m.view}:${ids(m).join()}`);
        return m.view === 'depth' && ids(m).join() === 'selu';
      },
    );
    assert.ok(
      seen.every((v) => v.startsWith('depth:')),
      seen.join(' '),
    );
  });

  it('drops malformed messages from the webview and keeps working', async () => {
    await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.plot', {
          series: [{ id: 'relu', params: {} }],
        }),
      (m) => ids(m).join() === 'relu',
    );
    const before = (await plotState()).droppedMessages;
    const malformed: unknown[] = [
      null,
      'rendered',
      { type: 'nope' },
      { type: 'rendered', seq: 'x' },
      { type: 'export', format: 'exe', data: '' },
      { type: 'copy', text: 5 },
    ];
    for (const m of malformed) {
      assert.equal(await vscode.commands.executeCommand('activationLens.test.echo', m), true);
    }
    // The webview posts in order: once this render arrives, every echo before it has been handled.
    const r = await renderedAfter(
      () =>
        vscode.commands.executeCommand('activationLens.plot', {
          series: [{ id: 'mish', params: {} }],
        }),
      (m) => ids(m).join() === 'mish',
    );
    assert.equal(r.series[0].points > 0, true);
    assert.equal((await plotState()).droppedMessages - before, malformed.length);
  });

  it('opening and closing the panel 50 times leaves the listener count flat', async () => {
    await closePanel();
    const baseline = (await plotState()).liveListeners;
    let whileOpen = 0;
    for (let i = 0; i < 50; i++) {
      await renderedAfter(
        () =>
          vscode.commands.executeCommand('activationLens.plot', {
            series: [{ id: 'selu', params: {} }],
          }),
        (m) => ids(m).join() === 'selu',
      );
      whileOpen = (await plotState()).liveListeners;
      assert.ok(whileOpen > baseline, 'an open panel holds listeners');
      await closePanel();
      const s = await plotState();
      assert.equal(s.open, false);
      assert.equal(s.liveListeners, baseline, `after close #${i + 1}`);
    }
  }).timeout(240_000);
});
