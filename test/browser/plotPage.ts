// Reaching the Plot Activation panel from a browser test: its page inside VS Code's webview iframes, and the
// command palette by exact title.
import type { FrameLocator, Page } from 'playwright-core';

/**
 * Our page inside the webview (VS Code nests it in two iframes); its locators wait for it to load. Only
 * the webview of `extensionId` (default ours): an open notebook has one of its own for cell outputs.
 */
export function plotFrame(
  page: Page,
  extensionId = 'activation-lens.activation-lens',
): FrameLocator {
  return page
    .frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}&"]`)
    .frameLocator('#active-frame');
}

/** Runs a palette command by title; unlike the harness' runCommand it does not wait for the palette to close. */
export async function palette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const quick = page.locator('.quick-input-widget');
  await quick.locator('input').fill(`>${title}`);
  // Click the row: Enter would run whichever row is highlighted (recently used ones come first).
  await quick.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/**
 * In the activation QuickPick a Plot or Compare command opened: filters by `name`, picks its row, accepts,
 * and waits for the panel to show that series.
 */
export async function pickActivation(page: Page, frame: FrameLocator, name: string): Promise<void> {
  const quick = page.locator('.quick-input-widget');
  await quick.locator('input').fill(name);
  await quick.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await page.keyboard.press('Enter');
  await frame.locator('fieldset.series legend', { hasText: name }).waitFor();
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

/** Non-background pixels of the visible chart canvas, and a digest of all its pixels. */
export async function canvasPixels(
  frame: FrameLocator,
): Promise<{ painted: number; digest: string; width: number }> {
  return frame
    .locator('section.view:not([hidden]) .chart-wrap canvas')
    .evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d');
      if (!ctx) {
        return { painted: 0, digest: '', width: 0 };
      }
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      let hash = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0) {
          painted++;
        }
        hash = (hash * 31 + data[i] * 7 + data[i + 1] * 5 + data[i + 2] * 3 + data[i + 3]) | 0;
      }
      return { painted, digest: String(hash), width: c.width };
    });
}
