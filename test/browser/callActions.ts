// The two ways the editor plots the call under the mouse, checked in the panel they open: the hover's
// Plot link and the editor context menu's Plot Activation. Shared by the notebook and web host tests.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './harness';
import { plotFrame } from './plotPage';

/** A series the panel must show: its name there and the value of its one numeric parameter. */
export interface ExpectedSeries {
  name: string;
  param: number;
}

/**
 * The hover over `text`, once it shows `name`. The first file of a language activates the extension while
 * the mouse may already be there, and VS Code does not ask again until the mouse moves: so the hover is
 * asked for once the window reports the extension active.
 */
export async function hoverShowing(wb: Workbench, text: string, name: string): Promise<Locator> {
  await wb.extensionActivated();
  const hover = await wb.hoverOver(text);
  await hover.getByText(name).first().waitFor();
  return hover;
}

/** Clicks the Plot link of the hover over `text`; returns the panel once it shows `expected`. */
export async function plotFromHoverLink(
  wb: Workbench,
  text: string,
  expected: ExpectedSeries,
): Promise<FrameLocator> {
  const hover = await hoverShowing(wb, text, expected.name);
  // The link's accessible name starts with its codicon's glyph: found by its title (hoverText.ts).
  await hover.getByTitle('Open in the Plot Activation panel', { exact: true }).click();
  return expectPlotted(wb, expected);
}

/** Right-clicks `text` and picks Plot Activation; returns the panel once it shows `expected`. */
export async function plotFromContextMenu(
  wb: Workbench,
  text: string,
  expected: ExpectedSeries,
): Promise<FrameLocator> {
  const menu = await wb.contextMenuAt(text);
  // The pointer onto the item focuses it, Enter runs it. Not a click: VS Code's menu items listen for
  // mouseup only from 100 ms after the menu appeared (so that the right-click's own mouseup runs
  // nothing), and a click that early is dropped without a trace.
  await menu.getByRole('menuitem', { name: 'Plot Activation', exact: true }).hover();
  await menu.locator('.action-item.focused', { hasText: 'Plot Activation' }).waitFor();
  await wb.page.keyboard.press('Enter');
  return expectPlotted(wb, expected);
}

/** The panel shows exactly `expected` (the call's activation with the call's parameter). */
async function expectPlotted(wb: Workbench, expected: ExpectedSeries): Promise<FrameLocator> {
  const frame = plotFrame(wb.page);
  const series = frame.getByRole('group', { name: expected.name, exact: true });
  await series.waitFor();
  const names = await frame.locator('fieldset.series legend').allInnerTexts();
  assert.deepEqual(
    names.map((n) => n.trim()),
    [expected.name],
  );
  const value = Number(await series.locator('input[type=number]').first().inputValue());
  assert.equal(value, expected.param);
  return frame;
}
