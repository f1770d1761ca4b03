// Entry point of the integration suite: VS Code loads this module in the extension host (the
// `extensionTestsPath` of the payload) and awaits `run()`. Launchers that use it:
//   npm run test:integration   scripts/runIntegration.mjs (VS Code server + chromium, works offline)
//   npm run test:electron      scripts/runElectron.mjs (desktop VS Code via @vscode/test-electron)
//
// Writing a test: add `test/integration/<topic>.test.ts` with mocha bdd (`describe`/`it`), import
// helpers from './helpers' (activateExtension, openFixture, positionOf, hoversAt, hoverMarkdown);
// the build bundles each file to out/test/integration/<topic>.test.js and this runner loads every
// `*.test.js` beside it. Env (set on the launcher; it reaches the extension host):
//   MOCHA_GREP     run only tests whose full title matches this regular expression
//   MOCHA_TIMEOUT  per-test timeout in ms (default 20000: a cold extension host is slow)
// Skipped/pending tests and `.only` fail the run: CI must not pass with tests silently left out.
import { runMocha } from '../mochaRun';

/**
 * Runs every integration test file beside this module and prints `N passed, N failed`.
 * @returns resolves when all passed; rejects (non-zero exit) on any failure or pending test.
 */
export function run(): Promise<void> {
  return runMocha({ dir: __dirname, timeout: 20_000, label: 'integration' });
}
