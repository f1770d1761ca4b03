// The Signal-through-depth view in a real VS Code window: the phase diagram paints, dragging its point
// moves (σ_w², σ_b²) and the readouts follow the core's theory for the new point, and the simulated
// networks finish with their mean h² on the theory curve.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { signalPropagation } from '../../src/core';
import { openWorkbench, type Workbench } from './harness';
import { openDefaultPlot } from './plotPage';

/** Non-transparent pixels of a canvas. */
async function painted(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let n = 0;
    for (let i = 3; i < data.length; i += 4) {
      n += data[i] > 0 ? 1 : 0;
    }
    return n;
  });
}

async function point(view: Locator): Promise<[number, number]> {
  const p = (await view.getAttribute('data-point')) ?? '';
  const [w, b] = p.split(',').map(Number);
  return [w, b];
}

describe('signal through depth (browser)', function () {
  this.timeout(600_000);
  let wb: Workbench;
  let frame: FrameLocator;

  before(async () => {
    wb = await openWorkbench({ viewport: { width: 1400, height: 1000 } });
    await wb.openFile('smoke.py');
    frame = await openDefaultPlot(wb.page);
    await frame.locator('[role=tab]', { hasText: 'Signal through depth' }).click();
  });
  after(async () => {
    await wb?.close();
  });

  it('the phase diagram paints; dragging its point updates the theory and the simulation lands on it', async () => {
    const view = frame.locator('.depth-view');
    await view.getByLabel('Activation').selectOption('tanh');
    await view.getByLabel('Width').selectOption('512');
    const layers = view.getByLabel('layers L value');
    await layers.fill('20');
    await layers.dispatchEvent('change');
    const canvas = view.locator('canvas.phase-diagram');
    assert.ok((await painted(canvas)) > 50_000, 'the phase diagram is painted');

    // Drag the point into the ordered phase, to about (σ_w², σ_b²) = (1.2, 0.1).
    // Focus first: a click focuses the canvas, and focusing may scroll it, which would move the target.
    await canvas.scrollIntoViewIfNeeded();
    await canvas.focus();
    const box = await canvas.boundingBox();
    assert.ok(box);
    const [, wMax, , bMax] = ((await view.getAttribute('data-window')) ?? '')
      .split(',')
      .map(Number);
    // The canvas is 360 × 280 with the plot area inset 44 left, 10 right, 10 top, 34 bottom; positions
    // are relative to the canvas, so Playwright maps them through the webview's iframes itself.
    const at = (w: number, b: number) => ({
      x: ((44 + (w / wMax) * 306) * box.width) / 360,
      y: ((10 + (1 - b / bMax) * 236) * box.height) / 280,
    });
    const before = await point(view);
    await canvas.hover({ position: at(before[0], before[1]) });
    await wb.page.mouse.down();
    await canvas.hover({ position: at(0.8, 0.3) });
    await canvas.hover({ position: at(1.2, 0.1) });
    await wb.page.mouse.up();
    const [w, b] = await point(view);
    assert.ok(Math.abs(w - 1.2) < 0.1 && Math.abs(b - 0.1) < 0.02, `dragged to (${w}, ${b})`);
    assert.notDeepEqual([w, b], before);

    // The readouts are the core's for the dragged point.
    const theory = signalPropagation('tanh', {}, { sigmaW2: w, sigmaB2: b, q0: 1, depth: 20 });
    const chiStar = Number(await view.getAttribute('data-chi-star'));
    assert.ok(Math.abs(chiStar - (theory.chiStar ?? NaN)) < 1e-12, `χ* ${chiStar}`);
    const phase = await view.locator('.depth-phase').innerText();
    assert.match(phase, /ordered: gradients shrink ×0\.\d+ per layer/);

    // The simulation finishes and its points land on the theory curve.
    await view
      .locator('[data-sim="done"]')
      .or(frame.locator('.depth-view[data-sim="done"]'))
      .waitFor({
        timeout: 480_000,
      });
    const worst = Number(await view.getAttribute('data-sim-worst'));
    assert.ok(worst < 0.1, `simulated mean h² off the theory by ${(100 * worst).toFixed(1)} %`);
    await wb.screenshot('depth-view');
  });
});
