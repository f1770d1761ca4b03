// Reaching the Plot Activation panel from a browser test: its page inside VS Code's webview iframes, and the
// command palette by exact title.
import type { FrameLocator, Page } from 'playwright-core';

/** Our page inside the webview (VS Code nests it in two iframes); its locators wait for it to load. */
export function plotFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Runs a palette command by title; unlike the harness' runCommand it does not wait for the palette to close. */
export async function palette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const quick = page.locator('.quick-input-widget');
  await quick.locator('input').fill(`>${title}`);
  // Click the row: Enter would run whichever row is highlighted (recently used ones come first).
  await quick.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** Plot Activation from the palette with the cursor off any call, the QuickPick accepted with nothing picked. */
export async function openDefaultPlot(page: Page): Promise<FrameLocator> {
  await palette(page, 'Activation Lens: Plot Activation');
  const quick = page.locator('.quick-input-widget');
  await quick.locator('.quick-input-list .monaco-list-row', { hasText: 'ReLU' }).first().waitFor();
  await page.keyboard.press('Enter');
  const frame = plotFrame(page);
  await frame.locator('fieldset.series legend', { hasText: 'ReLU' }).waitFor();
  return frame;
}
