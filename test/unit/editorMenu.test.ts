/**
 * The editor context menu's Plot Activation (package.json `menus.editor/context`) in every language the
 * extension reads and in no other, decided by a key VS Code knows when the menu opens. A right-click moves
 * the cursor and builds the menu at once, before the extension host could set a context key of ours for
 * the new position: an item behind such a key was missing on the first right-click onto a call (the
 * browser tests in test/browser/notebook.test.ts and webHost.test.ts right-click as users do).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUPPORTED_LANGUAGES } from '../../src/configParse';

interface MenuItem {
  command: string;
  when?: string;
}

const packageJson = JSON.parse(
  readFileSync(resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
) as { contributes: { menus: Record<string, MenuItem[]> } };

const plotItems = packageJson.contributes.menus['editor/context'].filter(
  (m) => m.command === 'activationLens.plot',
);

/** The language test of a `when` clause `editorLangId =~ /…/`, as VS Code evaluates it. */
function languageTest(when: string): RegExp {
  const m = /^editorLangId =~ \/(.+)\/$/.exec(when);
  assert.ok(m, `"${when}" is one editorLangId regex test`);
  return new RegExp(m[1]);
}

describe('editor context menu (package.json)', () => {
  it('has one Plot Activation item, shown by the language alone', () => {
    assert.equal(plotItems.length, 1);
    assert.ok(plotItems[0].when);
    assert.doesNotMatch(plotItems[0].when, /activationLens\./, 'no context key of ours');
  });

  it('shows the item in every language the extension reads', () => {
    const test = languageTest(plotItems[0].when ?? '');
    for (const language of SUPPORTED_LANGUAGES) {
      assert.match(language, test);
    }
  });

  it('hides it elsewhere, also for ids that contain or extend a supported one', () => {
    const test = languageTest(plotItems[0].when ?? '');
    for (const language of [
      'plaintext',
      'markdown',
      'json',
      'cuda-cpp',
      'objective-c',
      'pythonx',
      'csharp',
      'rust-analyzer',
      '',
    ]) {
      assert.doesNotMatch(language, test);
    }
  });
});
