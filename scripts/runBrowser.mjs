// `npm run test:browser`: playwright-core checks in a real VS Code window, run as a mocha suite
// in Node over out/test/browser/*.test.js (see test/browser/harness.ts for writing one). Prints
// `N passed, N failed` and exits with 0 only when all passed.
//
// Env: MOCHA_GREP=regex (subset), MOCHA_TIMEOUT=ms, ACTIVATION_LENS_TIMEOUT=s (whole run, default
// 900). Servers and browsers the tests open are closed at the end, on timeout and on Ctrl-C.
// Only the built files are used: run `node esbuild.mjs` first (the npm script does).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { ensureServer, onInterrupt, repoRoot } from './vscodeServer.mjs';

const started = Date.now();
const timeoutS = Number(process.env.ACTIVATION_LENS_TIMEOUT) || 900;
const entry = join(repoRoot, 'out/test/browser/index.js');
if (!existsSync(entry) || !existsSync(join(repoRoot, 'dist/extension.js'))) {
  console.error(`${entry} or dist/extension.js not found: build first (node esbuild.mjs)`);
  process.exit(2);
}

const suite = createRequire(import.meta.url)(entry);
onInterrupt(() => suite.closeAll());

let code = 1;
let timer;
try {
  // The limit covers everything, preparing the server included.
  const timedOut = new Promise((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), timeoutS * 1000);
  });
  const tests = ensureServer().then(() => suite.run());
  const result = await Promise.race([tests.then(() => 'passed'), timedOut]);
  if (result === 'timeout') {
    console.error(`[browser] no result after ${timeoutS} s (ACTIVATION_LENS_TIMEOUT)`);
    code = 124;
  } else {
    code = 0;
  }
} catch (e) {
  console.error(`[browser] ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  clearTimeout(timer);
  await suite.closeAll();
}
console.log(`[browser] exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
