// The extension loads and activates in a real extension host, registers every command it
// contributes, and does so in Restricted Mode (the harness never grants workspace trust).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, openFixture } from './helpers';

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

  it('runs in Restricted Mode (untrusted workspace)', async () => {
    // The server harness never grants trust; @vscode/test-electron always passes
    // --disable-workspace-trust (runElectron.mjs sets ACTIVATION_LENS_HARNESS=electron).
    const expectTrusted = process.env.ACTIVATION_LENS_HARNESS === 'electron';
    assert.equal(
      vscode.workspace.isTrusted,
      expectTrusted,
      'workspace trust as the harness sets it',
    );
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
    // A Python file opens normally too: nothing in activation needs trust.
    const { document } = await openFixture('smoke.py');
    assert.equal(document.languageId, 'python');
  });
});
