// Builds every bundle of Activation Lens. Named contexts:
//   host        src/extension.ts  -> dist/extension.js         (Node extension host: registrations only)
//   lens        src/lens.ts       -> dist/lens.js              (Node host: the implementation, required on first use)
//   webHost     src/extension.ts  -> dist/web/extension.js     (web-worker host: same code, lens bundled in)
//   webview     webview/main.ts   -> dist/webview/main.js      (browser ES module, one file: the first frame,
//                                    no chart.js)
//   webviewPanel webview/app.ts   -> dist/webview/chunks/app.js (the panel with chart.js, imported by main.js
//                                    after the first frame; the softmax and depth views split off as chunks)
//   formulas    scripts/renderFormulas.ts, run at build time  -> dist/formulas.json (MathJax TeX -> SVG)
//   integration test/integration   -> out/test/integration     (mocha suite run inside VS Code)
//   browser     test/browser       -> out/test/browser         (playwright-core checks)
//   unit        test/unit          -> out/test/unit            (mocha, only with --unit)
//   bench       bench/index.ts     -> out/bench/index.js       (only with --bench)
// Flags: --production (minify, no sourcemaps), --watch (rebuild with $esbuild-watch output), --unit, --bench,
// --browser-tests (only the browser checks: they run against an installed .vsix's own build).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const only = process.argv.includes('--unit')
  ? 'unit'
  : process.argv.includes('--bench')
    ? 'bench'
    : process.argv.includes('--browser-tests')
      ? 'browser'
      : undefined;

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/** Files under a folder whose names end with one of the given suffixes. */
function filesUnder(dir, suffixes) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && suffixes.some((s) => e.name.endsWith(s)))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

/** Reports esbuild's errors in the form the `$esbuild-watch` problem matcher reads. */
const watchProblemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Desktop only: `require('./lens')` in src/lensLoader.ts stays a runtime require of dist/lens.js, so the
 * activation bundle holds just the registrations. The web build bundles the lens in (one file, as the web
 * host needs), evaluated lazily at that same call.
 */
const lensOnDemand = {
  name: 'lens-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/lens$/ }, (args) =>
      args.importer.endsWith('lensLoader.ts') && args.kind === 'require-call'
        ? { path: './lens.js', external: true }
        : undefined,
    );
  },
};

const nodeTest = { ...common, platform: 'node', format: 'cjs', minify: false, sourcemap: 'inline' };

const contexts = {
  host: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    plugins: [lensOnDemand],
  },
  lens: {
    ...common,
    entryPoints: ['src/lens.ts'],
    outfile: 'dist/lens.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  webHost: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
  },
  webview: {
    ...common,
    // The first script, one file with no static imports (each import would be one more request through
    // VS Code's resource loading before anything draws): it draws the first frame and imports the panel
    // by the URL the page gives (the page may carry this script, see src/plot/webviewPage.ts).
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview/main.js',
    platform: 'browser',
    format: 'esm',
  },
  webviewPanel: {
    ...common,
    // The panel with chart.js, split at its dynamic imports: the softmax and depth views (and what only
    // they use) load when their tab first opens. It repeats the few core modules the first script holds.
    entryPoints: ['webview/app.ts'],
    outdir: 'dist/webview/chunks',
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    splitting: true,
    platform: 'browser',
    format: 'esm',
  },
  formulaRenderer: {
    ...nodeTest,
    entryPoints: ['scripts/renderFormulas.ts'],
    outfile: 'out/tools/renderFormulas.js',
    sourcemap: false,
  },
  integration: {
    ...nodeTest,
    entryPoints: filesUnder('test/integration', ['.ts']),
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
  },
  browser: {
    ...nodeTest,
    entryPoints: filesUnder('test/browser', ['.ts']),
    outdir: 'out/test/browser',
    external: ['playwright-core'],
  },
  unit: {
    ...nodeTest,
    entryPoints: filesUnder('test/unit', ['.test.ts']),
    outdir: 'out/test/unit',
  },
  bench: {
    ...nodeTest,
    entryPoints: ['bench/index.ts'],
    outfile: 'out/bench/index.js',
  },
};

const selected = only
  ? [only]
  : [
      'host',
      'lens',
      'webHost',
      'webview',
      'webviewPanel',
      'formulaRenderer',
      'integration',
      'browser',
    ];

/** Typesets the catalogue's formulas once per build: MathJax stays out of the extension bundle. */
function renderFormulas() {
  execFileSync(process.execPath, ['out/tools/renderFormulas.js', 'dist/formulas.json'], {
    stdio: 'inherit',
  });
}

try {
  if (selected.includes('webview')) {
    // Chunk names carry content hashes: without this, every build would leave the last one's chunks
    // behind, and the .vsix would ship them all.
    rmSync('dist/webview', { recursive: true, force: true });
  }
  if (watch) {
    for (const name of selected) {
      const plugins = [...(contexts[name].plugins ?? []), watchProblemMatcher];
      const ctx = await esbuild.context({ ...contexts[name], plugins });
      await ctx.watch();
    }
  } else {
    await Promise.all(selected.map((name) => esbuild.build(contexts[name])));
    if (selected.includes('formulaRenderer')) {
      renderFormulas();
    }
  }
} catch (e) {
  for (const error of e.errors ?? [e]) {
    console.error(
      error.location ? `${error.location.file}:${error.location.line}: ${error.text}` : error,
    );
  }
  process.exit(1);
}
