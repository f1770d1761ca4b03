// `npm run test:installed`: the extension as users get it. Installs the packaged
// dist/activation-lens.vsix (`npm run package` makes it; the npm script does) into a fresh extensions
// folder with the VS Code server's own CLI, then runs the browser checks of the hover and the plot
// panel against that installed copy — no development path — in the Node extension host and in the
// web worker host. A file the extension reads at run time but the .vsix lacks fails them.
//
// Env: MOCHA_GREP (default: the hover, plot and web host suites), ACTIVATION_LENS_TIMEOUT=s (900).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { installVsix, repoRoot } from './vscodeServer.mjs';

/** The suites that prove the installed copy works (titles of their `describe`). */
const INSTALLED_SUITES =
  '^(hover in the VS Code window|plot panel \\(browser\\)|web extension host|notebook cells)';

const vsix = join(repoRoot, 'dist/activation-lens.vsix');
if (!existsSync(vsix)) {
  console.error(`${vsix} not found: npm run package first (npm run test:installed does)`);
  process.exit(2);
}
const extensionsDir = mkdtempSync(join(tmpdir(), 'activation-lens-extensions-'));
process.on('exit', () => rmSync(extensionsDir, { recursive: true, force: true }));

console.log(`[installed] ${await installVsix({ vsix, extensionsDir })}`);
process.env.ACTIVATION_LENS_EXTENSIONS_DIR = extensionsDir;
process.env.MOCHA_GREP ||= INSTALLED_SUITES;
// The browser runner reads the environment set above; it exits with the suite's code.
await import('./runBrowser.mjs');
