// The softmax view in a real VS Code window (the depth view: depth.test.ts): after setting logits and
// temperature in the webview, the numbers they show equal the core's, computed here in Node for the same inputs
// (to the significant digits the panel prints).
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { evaluateVector } from '../../src/core';
import { parseFormatted } from '../../src/core/numberFormat';
import { openWorkbench, type Workbench } from './harness';
import { openDefaultPlot } from './plotPage';

/** The panel prints 4 significant digits by default: a shown value is within half a unit of the 4th. */
function assertShown(shown: number, exact: number, what: string): void {
  const tolerance = 5e-4 * Math.abs(exact) + 1e-12;
  assert.ok(Math.abs(shown - exact) <= tolerance, `${what}: shown ${shown}, core ${exact}`);
}

/** Types `value` into a number input and commits it as a user does (the change event). */
async function enter(input: Locator, value: number): Promise<void> {
  await input.fill(String(value));
  await input.dispatchEvent('change');
}

/** The numbers in the `[a, b, …]` list of the readout line that starts with `prefix`. */
function listAfter(readout: string, prefix: string): number[] {
  const line = readout.split('\n').find((l) => l.startsWith(prefix));
  assert.ok(line, `no line starting with "${prefix}" in:\n${readout}`);
  const list = line.slice(line.lastIndexOf('[') + 1, line.lastIndexOf(']'));
  return list.split(',').map(parseFormatted);
}

describe('plot panel views (browser): the numbers shown are the core’s', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: FrameLocator;

  before(async () => {
    wb = await openWorkbench({ viewport: { width: 1400, height: 900 } });
    await wb.openFile('smoke.py');
    frame = await openDefaultPlot(wb.page);
  });
  after(async () => {
    await wb?.close();
  });

  it('softmax: probabilities, log-probabilities and the Jacobian of z/T', async () => {
    await frame.locator('[role=tab]', { hasText: 'Softmax' }).click();
    const view = frame.locator('.softmax-view');
    const logits = [3, -1, 0.5, 2];
    const temperature = 2.5;
    for (const [i, z] of logits.entries()) {
      await enter(view.getByLabel(`Logit z${i + 1}`, { exact: true }), z);
    }
    await enter(view.getByLabel('Temperature T (softmax of z/T) value'), temperature);

    const scaled = logits.map((z) => z / temperature);
    const softmax = evaluateVector('softmax', scaled);
    const logSoftmax = evaluateVector('log_softmax', scaled).y;
    const readout = await view.locator('pre.readout').innerText();
    const shownSoftmax = listAfter(readout, 'softmax: y =');
    const shownLog = listAfter(readout, 'log-softmax =');
    assert.equal(shownSoftmax.length, logits.length, 'one probability per logit');
    assert.equal(shownLog.length, logits.length, 'one log-probability per logit');
    shownSoftmax.forEach((p, i) => assertShown(p, softmax.y[i], `p${i + 1}`));
    shownLog.forEach((l, i) => assertShown(l, logSoftmax[i], `log p${i + 1}`));
    // The heat map's table: ∂yᵢ/∂zⱼ = J(z/T)ᵢⱼ / T.
    const rows = await view
      .locator('table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
    assert.equal(rows.length, logits.length);
    assert.ok(
      rows.every((row) => row.length === logits.length),
      `a ${logits.length}×${logits.length} table: ${rows.map((r) => r.length)}`,
    );
    rows.forEach((row, i) =>
      row.forEach((cell, j) =>
        assertShown(parseFormatted(cell), softmax.jacobian[i][j] / temperature, `J[${i}][${j}]`),
      ),
    );
  });
});
