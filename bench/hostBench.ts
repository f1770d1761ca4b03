/**
 * The hover's benchmark in the real extension host, plus the sizes that decide how fast activation is.
 * Builds everything (node esbuild.mjs), spawns scripts/runIntegration.mjs with the tests module
 * out/test/integration/bench/hoverBench.js (which prints p50/p95 against a baseline measured in the same
 * run), then makes the production build and reports the size of each shipped bundle. Reports, never asserts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const KB = 1024;

/** Size in bytes of a built file, 0 if missing. */
function size(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** Builds the shipped (minified) bundles and reports their sizes, then restores the development build. */
function reportSizes(): void {
  const production = spawnSync(process.execPath, ['esbuild.mjs', '--production'], {
    stdio: 'inherit',
  });
  if (production.status !== 0) {
    throw new Error(`production build failed (exit ${production.status})`);
  }
  const kb = (file: string) => `${(size(file) / KB).toFixed(1)} KB`.padStart(9);
  console.log(
    [
      'extension sizes (minified)',
      `  dist/extension.js      ${kb('dist/extension.js')}  activation bundle, node host (goal ≤ 60 KB)`,
      `  dist/lens.js           ${kb('dist/lens.js')}  implementation, required on first use`,
      `  dist/web/extension.js  ${kb('dist/web/extension.js')}  web host (one file, lens evaluated on first use)`,
      `  dist/formulas.json     ${kb('dist/formulas.json')}  typeset formulas, read on the first hover`,
    ].join('\n'),
  );
  spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
}

/** Runs the host benchmark and prints its report and the sizes. */
export async function runHostBench(): Promise<void> {
  // The extension and the benchmark module must be current: `npm run bench` builds only bench/.
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
  const module = 'out/test/integration/bench/hoverBench.js';
  if (build.status !== 0 || !existsSync(module) || !existsSync('dist/extension.js')) {
    throw new Error(`building the extension and ${module} failed`);
  }
  const run = spawnSync(process.execPath, ['scripts/runIntegration.mjs'], {
    env: { ...process.env, ACTIVATION_LENS_TESTS: module },
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    throw new Error(`host benchmark failed (exit ${run.status})`);
  }
  reportSizes();
}
