// `npm run test:electron`: the same integration suite (out/test/integration/index.js) in desktop
// VS Code through @vscode/test-electron, for machines with internet or a local VS Code. Offline
// (this CI) use `npm run test:integration` instead: test-electron downloads VS Code otherwise.
//
// Env: VSCODE_EXECUTABLE_PATH=/path/to/code (a local VS Code; no download), VSCODE_VERSION
// (default 1.100.3, matching engines.vscode and the server harness), MOCHA_GREP, MOCHA_TIMEOUT.
// Linux without a display needs one (e.g. `xvfb-run -a npm run test:electron`).
// Note: test-electron always passes --disable-workspace-trust, so the workspace is trusted here;
// ACTIVATION_LENS_HARNESS=electron tells the tests so.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './vscodeServer.mjs';

const extensionTestsPath = join(repoRoot, 'out/test/integration/index.js');
if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} not found: build first (node esbuild.mjs)`);
  process.exit(2);
}

const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH || undefined;
if (vscodeExecutablePath && !existsSync(vscodeExecutablePath)) {
  console.error(`[electron] VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
  process.exit(2);
}
try {
  const code = await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    vscodeExecutablePath,
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    launchArgs: [join(repoRoot, 'test/fixtures'), '--disable-extensions'],
    extensionTestsEnv: { ACTIVATION_LENS_HARNESS: 'electron' },
  });
  process.exit(code);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (
    !vscodeExecutablePath &&
    /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|fetch/i.test(message)
  ) {
    console.error(
      `[electron] cannot download VS Code (${message.split('\n')[0]}).\n` +
        'Set VSCODE_EXECUTABLE_PATH to a local VS Code, or run the offline harness: npm run test:integration',
    );
    process.exit(3);
  }
  // runTests rejects with the exit code when the suite fails.
  console.error(`[electron] ${message}`);
  process.exit(typeof e?.code === 'number' ? e.code : 1);
}
