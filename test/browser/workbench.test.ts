// Smoke check of the browser harness: a real VS Code window opens test/fixtures/ with the
// extension loaded, Quick Open opens fixture files, the Command Palette runs commands, and the
// workbench stays in Restricted Mode.
import * as assert from 'node:assert/strict';
import { openWorkbench, type Workbench } from './harness';

describe('workbench', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('loads the extension development host in Restricted Mode', async () => {
    assert.match(await wb.page.title(), /\[Extension Development Host\]/);
    await wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor();
  });

  it('opens fixture files by Quick Open', async () => {
    await wb.openFile('smoke.py');
    const editor = wb.page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await editor.getByText('def forward(self, x):').waitFor();
    await wb.openFile('pytorch-activations.json');
    await wb.page.locator('.tabs-container .tab', { hasText: 'smoke.py' }).waitFor();
    await wb.page
      .locator('.tabs-container .tab.active', { hasText: 'pytorch-activations.json' })
      .waitFor();
    assert.ok((await wb.screenshot('workbench-quick-open')).endsWith('.png'));
  });

  it('runs commands from the Command Palette', async () => {
    await wb.runCommand('File: New Untitled Text File');
    // Exactly this tab: the similar "Compare New Untitled Text Files" would open "Untitled-1 ↔ …".
    const tab = wb.page.locator('.tabs-container .tab.active');
    await tab.getByText('Untitled-1', { exact: true }).waitFor();
    assert.equal((await tab.getAttribute('aria-label'))?.split(',')[0], 'Untitled-1');
  });

  it('runs a command that answers with its own QuickPick', async () => {
    await wb.runCommand('Preferences: Color Theme');
    const quickInput = wb.page.locator('.quick-input-widget');
    await quickInput.locator('.monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
    await wb.page.keyboard.press('Escape');
    await quickInput.waitFor({ state: 'hidden' });
  });
});
