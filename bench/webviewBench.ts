/**
 * The plot panel's benchmark in a real VS Code window in Chromium (test/browser/plotBench.ts): command →
 * first painted chart beside a bare hello-world webview, and slider redraw, each beside a baseline measured
 * in the same run. It measures the shipped (production) webview bundle, whose first-script size it also
 * reports, then restores the development build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const KB = 1024;

/**
 * What the panel's first script costs: dist/webview/main.js and every chunk it imports statically (the
 * views loaded on first use are dynamic imports and excluded).
 */
export function firstScriptFiles(main = 'dist/webview/main.js'): string[] {
  const files = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file) || !existsSync(file)) {
      return;
    }
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import … from "./x.js"` or a bare `import "./x.js"`, never `import("./x.js")`.
    for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      visit(join(dirname(file), m[1]));
    }
  };
  visit(main);
  return [...files];
}

function build(flag?: string): void {
  const run = spawnSync(process.execPath, ['esbuild.mjs', ...(flag ? [flag] : [])], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    throw new Error(`build ${flag ?? ''} failed (exit ${run.status})`);
  }
}

export async function runWebviewBench(): Promise<void> {
  const script = 'out/test/browser/plotBench.js';
  if (!existsSync(script)) {
    throw new Error(`${script} is missing: run the full build (node esbuild.mjs) first`);
  }
  build('--production');
  try {
    const first = firstScriptFiles();
    const total = first.reduce((sum, f) => sum + statSync(f).size, 0);
    console.log(
      `webview first script (minified): ${(total / KB).toFixed(1)} KB in ${first.length} file(s) ` +
        `(${first.map((f) => `${f} ${(statSync(f).size / KB).toFixed(1)} KB`).join(', ')}); goal ≤ 120 KB`,
    );
    const run = spawnSync(process.execPath, [script], { stdio: 'inherit' });
    if (run.status !== 0) {
      throw new Error(`webview benchmark failed (exit ${run.status})`);
    }
  } finally {
    build();
  }
}
