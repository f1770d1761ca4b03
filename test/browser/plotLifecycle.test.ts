// The Plot Activation panel through the user's path in a real VS Code window: the low-gradient setting
// changed in the Settings editor reaches the open panel; Copy puts the values at the crosshair on the
// clipboard; ±1.7e308 typed into a parameter box, its slider and the x-range boxes are refused or
// clipped, the chart keeps finite axes and the panel still answers; an export cancelled or failing writes
// nothing and says so.
import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { parseFormatted } from '../../src/core/numberFormat';
import { openWorkbench, repoRoot, type Workbench } from './harness';
import { canvasPixels, openDefaultPlot, palette, pickActivation } from './plotPage';
import { saveAs } from './saveDialog';

/** Types `value` into an input and commits it as a user does: Tab away (the change event). */
async function enter(input: Locator, value: string): Promise<void> {
  await input.fill(value);
  await input.press('Tab');
}

/**
 * Resolves once the input (in the webview) shows `value`: the panel updates on a message, not at once.
 * Fails after 30 s, as Playwright's own waits do.
 */
async function valueBecomes(input: Locator, value: string): Promise<void> {
  const shown = await input.evaluate(
    (el: HTMLInputElement, want: string) =>
      new Promise<string>((resolve) => {
        const limit = performance.now() + 30_000;
        const check = () =>
          el.value === want || performance.now() > limit
            ? resolve(el.value)
            : requestAnimationFrame(check);
        check();
      }),
    value,
  );
  assert.equal(shown, value);
}

/** The chart's axes as its label states them ("x from a to b, y from c to d."). */
async function axes(frame: FrameLocator): Promise<{ x: number[]; y: number[] }> {
  const label = await frame
    .locator('section.plot-view .chart-wrap canvas')
    .getAttribute('aria-label');
  const m = /x from (\S+) to (\S+), y from (\S+) to (\S+)\.$/.exec(label ?? '');
  assert.ok(m, `no axes in the chart's label: ${label}`);
  return { x: [Number(m[1]), Number(m[2])], y: [Number(m[3]), Number(m[4])] };
}

/** The values after `name = ` in the lines Copy put on the clipboard, e.g. f and f′ of one series. */
function copied(text: string, series: string): { x: number; f: number; df: number } {
  const x = /^x = (\S+)$/m.exec(text);
  const line = new RegExp(`^${series}: f = (\\S+), f′ = (\\S+)$`, 'm').exec(text);
  assert.ok(x && line, `copied:\n${text}`);
  return { x: parseFormatted(x[1]), f: parseFormatted(line[1]), df: parseFormatted(line[2]) };
}

describe('plot panel lifecycle (browser)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: FrameLocator;
  const statusBar = (text: string) => wb.page.locator('.statusbar-item', { hasText: text });
  /**
   * Clicks the panel's Copy and returns what it put on the clipboard. The clipboard holds a marker first and
   * the test polls it until the marker is replaced: the status bar's "values copied" of an earlier Copy may
   * still be showing, so waiting for that message could read the earlier copy. (A `waitForFunction` with an
   * async predicate does not wait: the promise it returns is truthy at once.)
   */
  const copy = async (): Promise<string> => {
    const marker = 'nothing copied yet';
    const read = () => wb.page.evaluate(() => navigator.clipboard.readText());
    await wb.page.evaluate((m) => navigator.clipboard.writeText(m), marker);
    await frame.locator('button', { hasText: 'Copy' }).click();
    for (;;) {
      // Polled until the test's timeout; an empty read (the page not focused) is not the copy either.
      const text = await read();
      if (text !== marker && text !== '') {
        return text;
      }
      await wb.page.waitForTimeout(25);
    }
  };

  before(async () => {
    wb = await openWorkbench({ viewport: { width: 1400, height: 900 } });
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(wb.page.url()).origin,
    });
    await wb.openFile('smoke.py');
    frame = await openDefaultPlot(wb.page);
    // tanh beside ReLU: its f′ falls gradually, so a different threshold shades a different band.
    await frame.locator('.adder select').selectOption('tanh');
    await frame.locator('.adder button', { hasText: 'Add' }).click();
    await frame.getByRole('group', { name: 'Tanh', exact: true }).waitFor();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await wb.screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
      await wb.page.keyboard.press('Escape');
    }
  });
  after(async () => {
    await wb?.close();
  });

  it('plot.lowGradientThreshold changed in the Settings editor reaches the open panel', async () => {
    const page = wb.page;
    const shown = frame.getByLabel('|f′| shading below value');
    assert.equal(await shown.inputValue(), '0.05', 'the default');
    const before = await canvasPixels(frame);
    // From the code's editor group, as a user would: the Settings editor opens there, beside the panel.
    await palette(page, 'View: Focus First Editor Group');
    await palette(page, 'Preferences: Open Settings (UI)');
    await page.locator('.settings-editor').waitFor();
    await page.keyboard.type('activationLens.plot.lowGradientThreshold');
    const box = page
      .locator('.settings-editor .setting-item-contents', { hasText: 'Low Gradient Threshold' })
      .locator('.setting-item-control input');
    await enter(box, '0.4');
    await valueBecomes(shown, '0.4');
    // The band where |f′| < 0.4 (tanh: |x| > 0.87) is wider than where |f′| < 0.05 (|x| > 2.2).
    assert.notEqual((await canvasPixels(frame)).digest, before.digest, 'the shading changed');
    await page
      .locator('.tabs-container .tab', { hasText: 'Settings' })
      .locator('.codicon-close')
      .click();
    await page.locator('.settings-editor').waitFor({ state: 'hidden' });
  });

  it('Copy puts f and f′ at the crosshair on the clipboard, at full precision', async () => {
    const canvas = frame.locator('section.plot-view .chart-wrap canvas');
    await canvas.focus();
    for (let i = 0; i < 7; i++) {
      await wb.page.keyboard.press('ArrowRight');
    }
    const text = await copy();
    const relu = copied(text, 'ReLU');
    const tanh = copied(text, 'Tanh');
    assert.ok(relu.x > 0, `the crosshair moved right of 0: x = ${relu.x}`);
    // PyTorch's ReLU: max(0, x), f′ = 1 for x > 0; tanh from Math.tanh, 17 digits printed.
    assert.deepEqual([relu.f, relu.df], [relu.x, 1]);
    assert.ok(Math.abs(tanh.f - Math.tanh(tanh.x)) <= 2 * Number.EPSILON, `tanh f ${tanh.f}`);
    assert.ok(Math.abs(tanh.df - (1 - Math.tanh(tanh.x) ** 2)) <= 4 * Number.EPSILON);
  });

  it('±1.7e308 in a parameter box, its slider and the x-range: refused or clipped, finite axes, still answering', async () => {
    const page = wb.page;
    await frame.locator('.adder select').selectOption('elu');
    await frame.locator('.adder button', { hasText: 'Add' }).click();
    const elu = frame.getByRole('group', { name: 'ELU', exact: true });
    const alphaBox = elu.locator('input[type=number]').first();
    await enter(alphaBox, '1.7e308');
    await elu
      .getByRole('alert')
      .getByText(/'alpha' must be between −1e100 and 1e100 to be plotted, got 1\.7e\+308/)
      .waitFor();
    await enter(alphaBox, '-1.7e308');
    await elu
      .getByRole('alert')
      .getByText(/got -1\.7e\+308/)
      .waitFor();
    // The slider sits at its end (the box's value clamped); pushed to its far end from the keyboard,
    // it gives the largest value it offers, which the chart can draw.
    const slider = elu.locator('input[type=range]').first();
    await slider.focus();
    await slider.press('End');
    const alpha = Number(await alphaBox.inputValue());
    assert.equal(alpha, Number(await slider.getAttribute('max')));
    assert.ok(Number.isFinite(alpha) && alpha > 1, `alpha after the slider: ${alpha}`);
    await elu.getByRole('alert').getByText(/./).waitFor({ state: 'detached' });
    // The x-range boxes: the widest range the chart samples is ±1e300.
    const lo = frame.getByRole('spinbutton', { name: 'x from', exact: true });
    const hi = frame.getByRole('spinbutton', { name: 'to', exact: true });
    await enter(lo, '-1.7e308');
    await enter(hi, '1.7e308');
    await valueBecomes(hi, '1e+300');
    assert.equal(await lo.inputValue(), '-1e+300');
    const a = await axes(frame);
    assert.deepEqual(a.x, [-1e300, 1e300]);
    assert.ok(a.y.every(Number.isFinite) && a.y[0] < a.y[1], `y axis ${a.y}`);
    // ELU (α·(eˣ − 1) below 0, x above) and ReLU reach 1e300: the axis covers it, finitely.
    assert.ok(a.y[1] >= 1e300 && a.y[1] <= 1.2e300, `y axis ${a.y}`);
    assert.ok((await canvasPixels(frame)).painted > 1000, 'the chart painted');
    // Round trip: the host's command reaches the webview, the webview's Copy reaches the host.
    await palette(page, 'Activation Lens: Compare Activations');
    await pickActivation(page, frame, 'Softsign');
    assert.match(await copy(), /^Softsign: f = /m);
  });

  it('Export cancelled in the save dialog writes nothing and says so', async () => {
    const page = wb.page;
    const target = join(repoRoot, 'test/fixtures/activation-plot.csv');
    rmSync(target, { force: true });
    await frame.locator('button', { hasText: 'CSV' }).click();
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.press('Escape');
    await statusBar('export cancelled, nothing saved').waitFor();
    assert.equal(existsSync(target), false);
  });

  it('Export to a place that cannot be written says why, and writes nothing', async () => {
    const page = wb.page;
    const target = '/sys/activation-plot.csv';
    await frame.locator('button', { hasText: 'CSV' }).click();
    await saveAs(page, target);
    const toast = page.locator('.notifications-toasts .notification-toast', {
      hasText: 'the CSV export was not saved',
    });
    await toast.waitFor();
    assert.match((await toast.textContent()) ?? '', /activation-plot\.csv/);
    assert.equal(existsSync(target), false);
  });
});
