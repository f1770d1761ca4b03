// A real VS Code, offline: the VS Code server inside the npm package code-server@4.100.3
// (= VS Code 1.100.3, the newest that runs on Node 20), driven by Debian chromium via playwright-core.
// Recipe and reasons: /work/shared/docs/real-vscode-offline.md.
//
// Use from a script (see runIntegration.mjs, runBrowser.mjs, demo.mjs):
//
//   import { ensureServer, startServer, launchBrowser } from './vscodeServer.mjs';
//   await ensureServer();                        // first run ~25 s (vscodeServerSetup.mjs), then a no-op
//   const server = await startServer({ env: { MOCHA_GREP: 'hover' } });
//   const url = server.payloadUrl({ folder: '/abs/workspace',
//                                   extensionTestsPath: '/abs/out/test/integration/index.js' });
//   const browser = await launchBrowser();
//   try { ... (await browser.newPage()).goto(url) ... } finally { await browser.close(); await server.stop(); }
//
// Every run gets its own free port and fresh temp data dirs, so several runs may go at once; a
// server still running when this process exits is killed then. CHROMIUM_PATH overrides
// /usr/bin/chromium; ACTIVATION_LENS_SERVER_LOG=1 prints the server's output.
import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { ensureServer, repoRoot } from './vscodeServerSetup.mjs';

const execFileAsync = promisify(execFile);

export { CODE_SERVER_VERSION, ensureServer, repoRoot } from './vscodeServerSetup.mjs';

/** Chromium flags that keep a headless run quiet and offline (no updates, sync or QUIC probes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Servers not yet stopped (group id → data dir): ended when this process exits, however. */
const running = new Map();
process.on('exit', () => {
  // Servers run detached (own group, see below), so nothing else would end them.
  for (const [pid, dataDir] of running) {
    killGroup(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * Starts the VS Code server on `host` (default 127.0.0.1) with fresh temp data dirs. Without `port`
 * the OS picks a free one (`--port 0`; the server prints the port it bound), so parallel runs never
 * collide. `env` is added to this process's environment and reaches the extension host.
 * `extensionsDir` is a folder of installed extensions (see {@link installVsix}); `userSettings`
 * starts the user's settings.json with these values.
 * @param {{ host?: string, port?: number, env?: Record<string, string>, timeoutMs?: number,
 *           log?: (line: string) => void, extensionsDir?: string,
 *           userSettings?: Record<string, unknown> }} [options] `log` receives the
 *   server's output lines (default: dropped; set ACTIVATION_LENS_SERVER_LOG=1 to print them).
 * @returns {Promise<{ port: number, url: string, dataDir: string, stop: () => Promise<void>,
 *   payloadUrl: (options: { folder: string, extensionTestsPath?: string, kind?: 'node' | 'web' }) => string }>}
 */
export async function startServer({
  host = '127.0.0.1',
  port = 0,
  env = {},
  timeoutMs = 60_000,
  log,
  extensionsDir,
  userSettings,
} = {}) {
  const { serverMain: main } = await ensureServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'activation-lens-vscode-'));
  if (userSettings) {
    // The web workbench reads the user's settings from the server's user data dir.
    mkdirSync(join(dataDir, 'user-data', 'User'), { recursive: true });
    writeFileSync(
      join(dataDir, 'user-data', 'User', 'settings.json'),
      JSON.stringify(userSettings),
    );
  }
  const print =
    log ??
    (process.env.ACTIVATION_LENS_SERVER_LOG === '1' ? (l) => console.log(`[server] ${l}`) : null);
  const child = spawn(
    process.execPath,
    [
      main,
      '--host',
      host,
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--telemetry-level',
      'off',
      '--server-data-dir',
      join(dataDir, 'server-data'),
      '--user-data-dir',
      join(dataDir, 'user-data'),
      // An installed copy of the extension (see installVsix) instead of a development path.
      ...(extensionsDir ? ['--extensions-dir', extensionsDir] : []),
    ],
    // Own process group: stop() kills the server together with the extension hosts it forks.
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  running.set(child.pid, dataDir);

  let stopped;
  const stop = () => {
    stopped ??= new Promise((resolveStop) => {
      const done = () => {
        running.delete(child.pid);
        rmSync(dataDir, { recursive: true, force: true });
        resolveStop();
      };
      if (child.exitCode !== null || child.signalCode !== null) {
        killGroup(child.pid, 'SIGKILL'); // forked extension hosts may outlive the server
        done();
        return;
      }
      const force = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        killGroup(child.pid, 'SIGKILL');
        done();
      });
      killGroup(child.pid, 'SIGTERM');
    });
    return stopped;
  };

  const boundPort = await new Promise((resolveReady, rejectReady) => {
    const tail = [];
    const timer = setTimeout(
      () => fail(new Error(`VS Code server did not start within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const fail = (error) => {
      clearTimeout(timer);
      error.message += tail.length ? `\nLast server output:\n${tail.join('\n')}` : '';
      rejectReady(error);
    };
    const onLine = (line) => {
      tail.push(line);
      if (tail.length > 20) {
        tail.shift();
      }
      print?.(line);
      const m = /Extension host agent listening on (\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolveReady(Number(m[1]));
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop();
        lines.forEach(onLine);
      });
    }
    child.once('error', fail);
    child.once('exit', (code, signal) =>
      fail(new Error(`VS Code server exited early (code ${code}, signal ${signal})`)),
    );
  }).catch(async (e) => {
    await stop();
    throw e;
  });

  return {
    port: boundPort,
    url: `http://${urlHost(host)}:${boundPort}/`,
    dataDir,
    stop,
    /**
     * {@link payloadUrl} for this server; a web-only manifest copy lives in its data dir. With
     * `extensionsDir` the extension is the installed one: no development path unless the options
     * name one.
     */
    payloadUrl: (options) =>
      payloadUrl({
        host: urlHost(host),
        ...(extensionsDir ? { extensionDevelopmentPath: null } : {}),
        ...options,
        port: boundPort,
        scratchDir: dataDir,
      }),
  };
}

/** The host a browser reaches a server on that listens on `host` (any address: this machine's). */
function urlHost(host) {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * The workbench URL that opens `folder` with the extension loaded as a development extension
 * (and, with `extensionTestsPath`, runs that test module in the extension host).
 * `extensionDevelopmentPath: null` loads no development extension (the installed one runs).
 * `host` is how the browser reaches the server (default 127.0.0.1): the payload's remote
 * authority must be the page's own.
 * @param {{ host?: string, port: number, folder: string, extensionDevelopmentPath?: string | null,
 *           extensionTestsPath?: string, kind?: 'node' | 'web', scratchDir?: string }} options
 *   absolute local paths. `kind: 'web'` runs the package.json `browser` entry in the web-worker
 *   extension host: VS Code 1.100's web workbench ignores the payload's
 *   `extensionDevelopmentKind` (its environment service names it `extensionDevelopmentLocationKind`),
 *   so a web-only copy of the manifest is made in `scratchDir` (`server.payloadUrl` passes the
 *   server's data dir, removed on stop).
 */
export function payloadUrl({
  host = '127.0.0.1',
  port,
  folder,
  extensionDevelopmentPath = repoRoot,
  extensionTestsPath,
  kind,
  scratchDir,
}) {
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const remote = (path) => `vscode-remote://${authority}${resolve(path)}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath !== null) {
    if (kind === 'web' && !scratchDir) {
      throw new Error("payloadUrl: kind 'web' needs scratchDir (or use server.payloadUrl)");
    }
    const devPath =
      kind === 'web'
        ? webOnlyExtension(extensionDevelopmentPath, scratchDir)
        : extensionDevelopmentPath;
    payload.push(['extensionDevelopmentPath', remote(devPath)]);
    if (kind === 'web') {
      payload.push(['extensionDevelopmentKind', 'web']);
    }
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  }
  return (
    `http://${authority}/?folder=${encodeURIComponent(resolve(folder))}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}

/**
 * Makes `<scratchDir>/web-extension`: the extension's manifest without `main` and with
 * `extensionKind: ['web']`, plus links to its built files, so the workbench can only run it in
 * the web-worker host (from dist/web/extension.js).
 */
function webOnlyExtension(extensionPath, scratchDir) {
  const dir = join(scratchDir, 'web-extension');
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  delete manifest.main;
  manifest.extensionKind = ['web'];
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const name of ['dist', 'media', 'package.nls.json', 'README.md', 'LICENSE']) {
    if (existsSync(join(extensionPath, name)) && !existsSync(join(dir, name))) {
      symlinkSync(join(extensionPath, name), join(dir, name));
    }
  }
  return dir;
}

/**
 * Installs a packaged extension the way a user does, with the server's own CLI
 * (`server-main.js --install-extension <vsix> --extensions-dir <dir>`); start a server on the same
 * `extensionsDir` to run the installed copy.
 * @param {{ vsix: string, extensionsDir: string }} options absolute or repository-relative paths
 * @returns {Promise<string>} the CLI's output
 */
export async function installVsix({ vsix, extensionsDir }) {
  const { serverMain: main } = await ensureServer();
  const scratch = mkdtempSync(join(tmpdir(), 'activation-lens-install-'));
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [
      main,
      '--install-extension',
      resolve(repoRoot, vsix),
      '--extensions-dir',
      resolve(repoRoot, extensionsDir),
      '--server-data-dir',
      join(scratch, 'server-data'),
      '--user-data-dir',
      join(scratch, 'user-data'),
      '--accept-server-license-terms',
    ]);
    const output = `${stdout}${stderr}`.trim();
    if (!/successfully installed/.test(output)) {
      throw new Error(`installing ${vsix} failed:\n${output}`);
    }
    return output;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Launches Debian chromium headless through playwright-core (never a downloaded browser).
 * @param {{ headless?: boolean }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser({ headless = true } = {}) {
  const { ensureChromium, chromiumPath: executablePath } = await import('./ensureChromium.mjs');
  const chromium = ensureChromium();
  if (!chromium.ok) {
    throw new Error(chromium.message);
  }
  const playwright = await import('playwright-core');
  return playwright.chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS });
}

/**
 * Runs `cleanup` once on SIGINT/SIGTERM before exiting, so no server or browser is left behind; a second
 * signal exits at once, still through the 'exit' hook.
 * @param {() => Promise<void>} cleanup
 * @returns {() => void} removes the handlers
 */
export function onInterrupt(cleanup) {
  let cleaning = false;
  const handler = (signal) => {
    if (cleaning) {
      // A second signal (a double Ctrl-C, a supervisor and its child both signalled): exit at once; the
      // 'exit' hook above still kills every server, which a signal's default action would skip.
      process.exit(130);
    }
    cleaning = true;
    console.error(`\n[activation-lens] ${signal}: cleaning up…`);
    cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
