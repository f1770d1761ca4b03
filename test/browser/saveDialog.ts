// Answering VS Code's save dialog in the browser (its "simple file dialog", a QuickPick over the
// remote file system) without racing it.
//
// The dialog works asynchronously (simpleFileDialog.ts). It opens showing the default folder and lists
// it; the end of that first listing puts the default path in the input, over anything typed meanwhile.
// Typing a path in another folder then stats that folder and lists it; an OK taken before that listing
// ended is dropped without resolving. So each step waits for the state that ends the one before — never
// for time. The quick input's element outlives a dialog (hidden, still holding its last value and rows),
// so every wait reads the shown widget only: a dialog cancelled just before looks settled otherwise.
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Answers an open save dialog with `target` (an absolute path in a folder that exists) and clicks OK.
 * Resolves once the dialog has closed.
 */
export async function saveAs(page: Page, target: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  // 1. The dialog has listed its default folder and put the default path (a file name, so ending in
  //    the target's extension) in the input.
  const ext = target.slice(target.lastIndexOf('.'));
  const shownDefault = await page.waitForFunction((e) => {
    const box = document.querySelector<HTMLElement>('.quick-input-widget');
    const value = box?.checkVisibility() ? box.querySelector('input')?.value : undefined;
    return value?.endsWith(e) ? value : undefined;
  }, ext);
  await listed(page, (await shownDefault.jsonValue()) as string);
  // 2. Type the target, then wait until the rows are the target folder's entries: its listing is
  //    done (the dialog sets the rows and clears busy in one step).
  await input.fill(target);
  await listed(page, target);
  await widget.locator('.monaco-button', { hasText: 'OK' }).click();
  await widget.waitFor({ state: 'hidden' });
}

/**
 * Waits until the shown dialog's input holds `value` and its rows are entries of `value`'s folder (the
 * dialog shows its folders and the files its filter keeps).
 */
async function listed(page: Page, value: string): Promise<void> {
  const entries = ['..', ...readdirSync(dirname(value))];
  await page.waitForFunction(
    ({ allowed, value }) => {
      const box = document.querySelector<HTMLElement>('.quick-input-widget');
      const field = box?.checkVisibility() ? box.querySelector('input') : undefined;
      const rows = Array.from(box?.querySelectorAll('.quick-input-list .monaco-list-row') ?? []);
      const names = rows.map((r) => (r.getAttribute('aria-label') ?? '').replace(/\/$/, ''));
      return field?.value === value && names.length > 0 && names.every((n) => allowed.includes(n));
    },
    { allowed: entries, value },
  );
}
