// Entry point of the browser checks: scripts/runBrowser.mjs (`npm run test:browser`) requires this
// module in Node and awaits `run()`. Tests are `test/browser/<topic>.test.ts` (mocha bdd) using
// `openWorkbench()` from './harness'; each builds to out/test/browser/<topic>.test.js.
// Env: MOCHA_GREP (subset by title regex), MOCHA_TIMEOUT (ms, default 120000: a workbench takes
// seconds to open on a busy machine; Playwright's own waits time out at 30 s each).
import { runMocha } from '../mochaRun';

/** Workbenches still open when the run ends (a test that forgot `close()`); see harness.ts. */
function leftoverWorkbenches(): Set<{ close(): Promise<void> }> {
  return (
    ((globalThis as Record<string, unknown>).__activationLensWorkbenches as Set<{
      close(): Promise<void>;
    }>) ?? new Set()
  );
}

/** Closes every workbench a test left open: no server or browser outlives the run. */
export async function closeAll(): Promise<void> {
  await Promise.all([...leftoverWorkbenches()].map((w) => w.close()));
}

/**
 * Runs every browser check beside this module and prints `N passed, N failed`.
 * @returns resolves when all passed; rejects on any failure or pending test.
 */
export async function run(): Promise<void> {
  try {
    await runMocha({ dir: __dirname, timeout: 120_000, label: 'browser' });
  } finally {
    await closeAll();
  }
}
