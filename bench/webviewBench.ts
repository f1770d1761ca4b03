/**
 * The plot panel's benchmark in a real VS Code window in Chromium (test/browser/plotBench.ts): command →
 * first painted chart and slider redraw, each beside a baseline measured in the same run. It needs the full
 * build, which runHostBench has just made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export async function runWebviewBench(): Promise<void> {
  const script = 'out/test/browser/plotBench.js';
  if (!existsSync(script)) {
    throw new Error(`${script} is missing: run the full build (node esbuild.mjs) first`);
  }
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (run.status !== 0) {
    throw new Error(`webview benchmark failed (exit ${run.status})`);
  }
}
