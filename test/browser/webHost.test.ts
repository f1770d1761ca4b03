// The web build (package.json `browser` → dist/web/extension.js) loads and works in the
// web-worker extension host, as in vscode.dev: the harness's `kind: 'web'` gives VS Code a
// web-only manifest, so the Node entry cannot be what answers.
import * as assert from 'node:assert/strict';
import { plotFromContextMenu, plotFromHoverLink } from './callActions';
import { EXTENSION_ROW, openWorkbench, type Workbench } from './harness';
import { ELU, LEAKY, NOTEBOOK } from './notebookFixture';
import { canvasPixels, openDefaultPlot } from './plotPage';

describe('web extension host', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ kind: 'web' });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await wb.screenshot(
        `failed-web-host-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`,
      );
    }
  });
  after(async () => {
    await wb?.close();
  });

  it('activates the web entry in the web worker host', async () => {
    await wb.openFile('smoke.py'); // onLanguage:python
    await wb.runCommand('Developer: Show Running Extensions');
    const row = wb.page.locator('.monaco-list-row', { hasText: EXTENSION_ROW });
    await row.getByText('web worker').waitFor();
    await row.getByText(/Activation: \d+ms/).waitFor();
  });

  it('shows the activation hover from the web worker host', async () => {
    await wb.openFile('smoke.py');
    const hover = await wb.hoverOver('relu');
    await hover.getByText('ReLU').first().waitFor();
    await wb.screenshot('web-host-hover');
  });

  it('Plot Activation paints the chart from the web worker host', async () => {
    await wb.page.keyboard.press('Escape');
    const frame = await openDefaultPlot(wb.page);
    const px = await canvasPixels(frame);
    assert.ok(px.painted > 2000, `only ${px.painted} painted pixels`);
    await wb.screenshot('web-host-plot');
  });

  it("the hover's Plot link in a notebook cell plots the call from the web worker host", async () => {
    await wb.page.keyboard.press('Escape');
    await wb.openFile(NOTEBOOK);
    await plotFromHoverLink(wb, LEAKY.text, LEAKY.series);
  });

  it("the context menu's Plot Activation in a notebook cell plots the call from the web worker host", async () => {
    await wb.page.keyboard.press('Escape');
    await plotFromContextMenu(wb, ELU.text, ELU.series);
    await wb.screenshot('web-host-notebook-context-plot');
  });
});
