// A Jupyter notebook in the Node extension host: in a code cell whose imports are in an earlier cell, the
// hover's Plot link and the editor context menu's Plot Activation open the panel on that call, with the
// call's parameter. The same checks for the web worker host are in webHost.test.ts.
import { plotFromContextMenu, plotFromHoverLink } from './callActions';
import { openWorkbench, type Workbench } from './harness';
import { ELU, LEAKY, NOTEBOOK } from './notebookFixture';

describe('notebook cells', function () {
  this.timeout(180_000);
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ viewport: { width: 1400, height: 900 } });
    // A fresh profile opens a notebook as JSON text until VS Code has registered the extensions'
    // notebook editors; our extension's activation (by a Python file) comes after that registration.
    await wb.openFile('smoke.py');
    await wb.extensionActivated();
    await wb.openFile(NOTEBOOK);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await wb.screenshot(
        `failed-notebook-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`,
      );
    }
  });
  after(async () => {
    await wb?.close();
  });

  it("the hover's Plot link in a cell plots the call with its parameter", async () => {
    await plotFromHoverLink(wb, LEAKY.text, LEAKY.series);
    await wb.screenshot('notebook-hover-plot');
  });

  it("the context menu's Plot Activation in a cell plots the call under the mouse", async () => {
    await wb.page.keyboard.press('Escape');
    await plotFromContextMenu(wb, ELU.text, ELU.series);
    await wb.screenshot('notebook-context-plot');
  });
});
