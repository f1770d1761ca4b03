// `npm run test:integration`: runs the mocha suite out/test/integration/index.js inside a real VS
// Code extension host, offline: the VS Code server (code-server@4.100.3's) + headless Debian chromium.
// The workspace is test/fixtures/ (opened in Restricted Mode); the extension is this repository,
// loaded as a development extension. Exits with the suite's code.
//
// Env:
//   MOCHA_GREP=regex            run a subset (matched against full test titles)
//   ACTIVATION_LENS_TESTS=path  another tests module exporting run() (e.g. a benchmark suite)
//   ACTIVATION_LENS_KIND=web    use the web-worker extension host (package.json `browser` entry)
//   ACTIVATION_LENS_TIMEOUT=s   time limit of the whole run (default 600)
//   ACTIVATION_LENS_VERBOSE=1   also print the page's console and the server's output
// Only the built files are used: run `node esbuild.mjs` first (the npm script does).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { format } from 'node:util';
import {
  ensureServer,
  launchBrowser,
  onInterrupt,
  repoRoot,
  startServer,
} from './vscodeServer.mjs';

/** Workbench chatter that says nothing about the tests (shown with ACTIVATION_LENS_VERBOSE=1). */
const HARMLESS = [
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^\[Service Worker\] registration/,
  /ENOTFOUND open-vsx\.org/, // the marketplace is not reachable offline
  /refused to show dialog in tests\. Contents: Do you trust the authors/, // stays Restricted
];

const started = Date.now();
const verbose = process.env.ACTIVATION_LENS_VERBOSE === '1';
const timeoutS = Number(process.env.ACTIVATION_LENS_TIMEOUT) || 600;
const kind = process.env.ACTIVATION_LENS_KIND === 'web' ? 'web' : 'node';
const testsPath = resolve(
  process.env.ACTIVATION_LENS_TESTS ?? join(repoRoot, 'out/test/integration/index.js'),
);
const folder = join(repoRoot, 'test/fixtures');
const entry = join(repoRoot, kind === 'web' ? 'dist/web/extension.js' : 'dist/extension.js');

for (const [path, what] of [
  [testsPath, 'tests module'],
  [entry, 'extension bundle'],
]) {
  if (!existsSync(path)) {
    console.error(`${what} ${path} not found: build first (node esbuild.mjs)`);
    process.exit(2);
  }
}

let server;
let browser;
let interrupted = false;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
};
onInterrupt(() => {
  interrupted = true; // the run's own errors from here on are the interruption's echo
  return cleanup();
});

let page;
/** Starts the server and the workbench and resolves with the suite's exit code. */
async function runSuite() {
  const prepared = await ensureServer();
  server = await startServer({
    log: verbose ? (line) => console.log(`[server] ${line}`) : undefined,
  });
  browser = await launchBrowser();
  page = await browser.newPage();

  const exited = new Promise((resolveExit) => {
    // The workbench calls these once the tests module settles / for each log line of the run.
    page.exposeFunction('codeAutomationExit', (exitCode) => resolveExit(Number(exitCode)));
  });
  // Each log call arrives as its console arguments (mocha's reporter uses format strings).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? format(...args) : String(args)).replace(/\n$/, '');
    if (verbose || !HARMLESS.some((re) => re.test(text))) {
      (type === 'error' ? console.error : console.log)(text);
    }
  });
  if (verbose) {
    page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
  }
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));

  const url = server.payloadUrl({ folder, extensionTestsPath: testsPath, kind });
  console.log(
    `[integration] VS Code ${prepared.prepared ? 'prepared' : 'cached'}, server on ${server.port}, ` +
      `${kind} extension host, tests ${testsPath}`,
  );
  await page.goto(url);
  return exited;
}

let code = 1;
let timer;
try {
  // The limit covers everything, preparing the server included.
  const timedOut = new Promise((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), timeoutS * 1000);
  });
  const result = await Promise.race([runSuite(), timedOut]);
  if (result === 'timeout') {
    console.error(
      `[integration] no result after ${timeoutS} s (ACTIVATION_LENS_TIMEOUT): the tests module ` +
        'never settled, or the extension host did not start. Rerun with ACTIVATION_LENS_VERBOSE=1.',
    );
    await page
      ?.screenshot({ path: join(repoRoot, 'test-results/integration-timeout.png') })
      .catch(() => {});
    code = 124;
  } else {
    code = result;
  }
} catch (e) {
  if (interrupted) {
    await new Promise(() => {}); // onInterrupt exits once cleanup is done
  }
  console.error(`[integration] ${e instanceof Error ? e.stack : String(e)}`);
  code = 1;
} finally {
  clearTimeout(timer);
  await cleanup();
}
console.log(`[integration] exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
