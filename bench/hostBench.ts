/**
 * The hover's benchmark in the real extension host, plus the sizes that decide how fast activation is.
 * Builds everything (node esbuild.mjs), spawns scripts/runIntegration.mjs with the tests module
 * out/test/integration/bench/hoverBench.js (which prints p50/p95 against a baseline measured in the same
 * run), then builds the extension bundle minified into a temporary folder and reports its size and
 * dist/formulas.json's. Reports, never asserts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KB = 1024;

/** Minified size of src/extension.ts bundled as the package would ship it (not written to dist/). */
function minifiedBundleSize(platform: 'node' | 'browser'): number {
  const dir = mkdtempSync(join(tmpdir(), 'activation-lens-size-'));
  try {
    const outfile = join(dir, 'extension.js');
    // esbuild's CLI in a child process: its JS API does not survive being bundled into this benchmark.
    const built = spawnSync(
      'node_modules/.bin/esbuild',
      [
        'src/extension.ts',
        '--bundle',
        '--minify',
        `--platform=${platform}`,
        '--format=cjs',
        '--external:vscode',
        '--target=es2022',
        `--outfile=${outfile}`,
        '--log-level=error',
      ],
      { stdio: 'inherit' },
    );
    if (built.status !== 0) {
      throw new Error(`esbuild failed (exit ${built.status})`);
    }
    return statSync(outfile).size;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  const node = minifiedBundleSize('node');
  const web = minifiedBundleSize('browser');
  const formulas = existsSync('dist/formulas.json') ? statSync('dist/formulas.json').size : 0;
  console.log(
    [
      'extension sizes',
      `  bundle, minified (node host)   ${(node / KB).toFixed(1)} KB  (goal ≤ 60 KB)`,
      `  bundle, minified (web host)    ${(web / KB).toFixed(1)} KB`,
      `  dist/formulas.json             ${(formulas / KB).toFixed(1)} KB  (read on the first hover)`,
    ].join('\n'),
  );
}
