// Answering VS Code's save dialog in the browser (its "simple file dialog", a QuickPick over the
// remote file system) without racing it.
//
// The dialog works asynchronously on every value change: typing a path in another folder first stats
// that folder, then lists it (busy), and only then is it settled. An OK taken in the stat's window
// starts a second listing and is dropped without resolving (simpleFileDialog.ts: onDidAccept returns
// undefined when tryUpdateItems updated), so the test waits for the state that ends the listing —
// the rows are the target folder's entries — never for time.
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
  // 1. The dialog has put its default path in the input and listed that folder. Typing while its first
  //    listing is under way loses the typed path: the listing ends by setting the input back to the
  //    default (seen under load: /sys listed, the input showing the default path again).
  const ext = target.slice(target.lastIndexOf('.'));
  await page.waitForFunction(
    (e) =>
      (
        document.querySelector('.quick-input-widget input') as HTMLInputElement | null
      )?.value.endsWith(e),
    ext,
  );
  await listed(page, await input.inputValue());
  // 2. Type the target, then wait until the rows are the target folder's entries: its listing is
  //    done (the dialog sets the rows and clears busy in one step).
  await input.fill(target);
  await listed(page, target);
  await widget.locator('.monaco-button', { hasText: 'OK' }).click();
  await widget.waitFor({ state: 'hidden' });
}

/**
 * Waits until the dialog's input holds `value` and its rows are entries of `value`'s folder (the dialog
 * shows its folders and the files its filter keeps).
 */
async function listed(page: Page, value: string): Promise<void> {
  const entries = ['..', ...readdirSync(dirname(value))];
  await page.waitForFunction(
    ({ allowed, value }) => {
      const box = document.querySelector('.quick-input-widget');
      const field = box?.querySelector('input');
      const rows = Array.from(box?.querySelectorAll('.quick-input-list .monaco-list-row') ?? []);
      const names = rows.map((r) => (r.getAttribute('aria-label') ?? '').replace(/\/$/, ''));
      return field?.value === value && names.length > 0 && names.every((n) => allowed.includes(n));
    },
    { allowed: entries, value },
  );
}
