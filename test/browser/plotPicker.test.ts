// Plot Activation's multi-select QuickPick and the high-contrast themes, in a real VS Code window.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { openWorkbench, type Workbench } from './harness';
import { canvasPixels, palette, plotFrame } from './plotPage';

/** The QuickPick row whose label is exactly `label`, once the filter shows it. */
function row(page: Page, label: string) {
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .first();
}

/** The names of the series the panel shows. */
async function seriesNames(frame: FrameLocator): Promise<string[]> {
  return frame.locator('fieldset.series legend').allInnerTexts();
}

describe('plot panel (browser): picking activations and high contrast', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: FrameLocator;

  before(async () => {
    wb = await openWorkbench({ viewport: { width: 1400, height: 900 } });
    await wb.openFile('smoke.py');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await wb.screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
    }
  });
  after(async () => {
    await wb?.close();
  });

  it('plots exactly the activations picked in the QuickPick', async () => {
    const page = wb.page;
    await palette(page, 'Activation Lens: Plot Activation');
    const input = page.locator('.quick-input-widget input');
    for (const name of ['Mish', 'Softsign']) {
      await input.fill(name);
      await row(page, name).click();
    }
    await page.keyboard.press('Enter');
    frame = plotFrame(page);
    await frame.locator('fieldset.series legend', { hasText: 'Softsign' }).waitFor();
    assert.deepEqual((await seriesNames(frame)).map((n) => n.trim()).sort(), ['Mish', 'Softsign']);
  });

  it('high-contrast themes change the chart colours', async () => {
    const page = wb.page;
    let before = await canvasPixels(frame);
    // Theme rows read "<category> <theme name>"; only the light variant's name has "Contrast Light".
    for (const [theme, light, bodyClass] of [
      ['Default High Contrast', false, 'vscode-high-contrast'],
      ['Default High Contrast Light', true, 'vscode-high-contrast-light'],
    ] as const) {
      await palette(page, 'Preferences: Color Theme');
      await page.locator('.quick-input-widget input').fill(theme);
      await page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row', {
          hasText: 'Default High Contrast',
          ...(light
            ? { has: page.getByText('Default High Contrast Light') }
            : { hasNotText: 'Contrast Light' }),
        })
        .first()
        .click();
      await frame.locator(`body.${bodyClass}`).waitFor({ state: 'attached' });
      // VS Code sets the theme's class and colours in one step, and the webview redraws synchronously in
      // its MutationObserver, which runs before this next evaluation.
      const after = await canvasPixels(frame);
      assert.ok(after.painted > 1000, `${theme}: only ${after.painted} painted pixels`);
      assert.notEqual(after.digest, before.digest, `${theme}: the chart colours did not change`);
      before = after;
    }
  });
});
