// The web build (package.json `browser` → dist/web/extension.js) loads and works in the
// web-worker extension host, as in vscode.dev: the harness's `kind: 'web'` gives VS Code a
// web-only manifest, so the Node entry cannot be what answers.
import { openWorkbench, type Workbench } from './harness';

describe('web extension host', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ kind: 'web' });
  });
  after(async () => {
    await wb?.close();
  });

  it('activates the web entry in the web worker host', async () => {
    await wb.openFile('smoke.py'); // onLanguage:python
    await wb.runCommand('Developer: Show Running Extensions');
    const row = wb.page.locator('.monaco-list-row', { hasText: 'activation-lens.activation-lens' });
    await row.getByText('web worker').waitFor();
    await row.getByText(/Activation: \d+ms/).waitFor();
  });

  it('shows the activation hover from the web worker host', async () => {
    await wb.openFile('smoke.py');
    const hover = await wb.hoverOver('relu');
    await hover.getByText('ReLU').first().waitFor();
    await wb.screenshot('web-host-hover');
  });
});
