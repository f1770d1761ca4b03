// The Plot Activation panel's lifecycle in a real VS Code: plots sent while the panel is hidden (its
// webview torn down) are held and collapsed, so showing it again draws the latest state once and no state
// in between; follow-cursor switched on in the settings (not by its command) takes effect at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';
import { setSetting } from './hoverExpect';
import {
  closePanel,
  compare,
  cursorOn,
  ids,
  nextRendered,
  plot,
  plotState,
  plotTabs,
  pythonEditor,
  renderedAfter,
  type Rendered,
} from './plotHelpers';

/** Polls the test hook until `done` holds: the panel's view state reaches the host as an event. */
async function untilState(
  done: (s: Awaited<ReturnType<typeof plotState>>) => boolean,
  what: string,
): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (done(await plotState())) {
      return;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.fail(`never: ${what}`);
}

/** Every `rendered` report after seq `after`, up to and including the first one `last` accepts. */
async function rendersUntil(after: number, last: (r: Rendered) => boolean): Promise<Rendered[]> {
  const seen: Rendered[] = [];
  for (let seq = after; ;) {
    const r = await nextRendered(seq);
    assert.ok(r, `no render after ${seq}; seen: ${seen.map((s) => ids(s).join('+')).join(', ')}`);
    seen.push(r);
    if (last(r)) {
      return seen;
    }
    seq = r.seq;
  }
}

describe('plot panel lifecycle', function () {
  this.timeout(60_000);

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closePanel();
    await setSetting('plot.followCursor', undefined);
  });

  it('plots into a hidden panel are held; shown again, it draws the latest state once', async () => {
    await pythonEditor('x = 1\n');
    await renderedAfter(
      () => plot('relu'),
      (m) => ids(m).join() === 'relu',
    );
    assert.equal((await plotState()).viewColumn, vscode.ViewColumn.Two);
    // Another editor on top of the panel in its column hides it (its webview is torn down).
    const other = await vscode.workspace.openTextDocument({ content: 'notes\n' });
    await vscode.window.showTextDocument(other, {
      viewColumn: vscode.ViewColumn.Two,
      preserveFocus: true,
    });
    await untilState((s) => s.open && !s.visible, 'the panel is hidden');
    const after = (await plotState()).lastRendered?.seq ?? 0;
    // Four commands in one go: the first reveals the panel, whose new webview is not listening yet, so
    // all four wait in the host's queue; together they leave mish + softsign.
    await Promise.all([plot('sigmoid'), compare('tanh'), plot('mish'), compare('softsign')]);
    const latest = (r: Rendered) => ids(r).join() === 'mish,softsign';
    const renders = await rendersUntil(after, latest);
    // Whatever the reloaded webview draws from its saved state first, no state in between is drawn.
    const states = renders.map((r) => ids(r).join('+'));
    assert.ok(
      states.every((s) => s === 'relu' || s === 'mish+softsign'),
      `drawn after the reveal: ${states.join(', ')}`,
    );
    // Once: the next render is the next state asked for, not a replay of the queue.
    await compare('selu');
    const next = await rendersUntil(renders[renders.length - 1].seq, (r) => r.series.length === 3);
    assert.deepEqual(
      next.map((r) => ids(r).join('+')),
      ['mish+softsign+selu'],
    );
    assert.equal(plotTabs().length, 1, 'the same panel, not a second one');
  });

  it('plot.followCursor set in the settings (not by its command) takes effect without a reload', async () => {
    const editor = await pythonEditor(
      ['import torch.nn.functional as F', 'y = F.silu(x)', 'z = F.softplus(x, beta=2.0)', ''].join(
        '\n',
      ),
    );
    await renderedAfter(
      () => plot('relu'),
      (m) => ids(m).join() === 'relu',
    );
    assert.equal((await plotState()).followCursor, false);
    await setSetting('plot.followCursor', true);
    assert.equal((await plotState()).followCursor, true);
    const r = await renderedAfter(
      async () => cursorOn(editor, 'softplus('),
      (m) => ids(m).join() === 'softplus',
    );
    assert.equal(r.series[0].params.beta, 2);
    await setSetting('plot.followCursor', false);
    assert.equal((await plotState()).followCursor, false);
  });
});
