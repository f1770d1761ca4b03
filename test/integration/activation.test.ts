// The extension loads and activates in a real extension host, registers every command it
// contributes, and does so in Restricted Mode (the harness never grants workspace trust).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  EXTENSION_ID,
  hoverMarkdown,
  hoversAt,
  openFixture,
  positionOf,
} from './helpers';

interface ContributedCommand {
  command: string;
}

describe('activation', () => {
  it('activates', async () => {
    const extension = await activateExtension();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.isActive, true);
  });

  it('registers every command package.json contributes', async () => {
    const extension = await activateExtension();
    const contributed: ContributedCommand[] = extension.packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  // The server harness never grants trust, so there the extension really runs in Restricted Mode.
  // @vscode/test-electron always passes --disable-workspace-trust (runElectron.mjs sets
  // ACTIVATION_LENS_HARNESS=electron): there the title says what is tested instead.
  const electron = process.env.ACTIVATION_LENS_HARNESS === 'electron';
  it(
    electron
      ? 'declares untrusted-workspace support and activates (electron: trust is disabled by test-electron)'
      : 'runs in Restricted Mode (untrusted workspace)',
    async () => {
      assert.equal(vscode.workspace.isTrusted, electron, 'workspace trust as the harness sets it');
      const extension = await activateExtension();
      assert.equal(extension.isActive, true);
      assert.equal(extension.packageJSON.capabilities?.untrustedWorkspaces?.supported, true);
      // A Python file opens and is hovered normally too: nothing the extension does needs trust.
      const { document } = await openFixture('smoke.py');
      assert.equal(document.languageId, 'python');
      const md = hoverMarkdown(await hoversAt(document, positionOf(document, 'F.relu', 0, 3)));
      assert.match(md, /\*\*ReLU\*\*/, 'the hover answers in this workspace');
    },
  );
});
