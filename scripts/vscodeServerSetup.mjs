// Prepares the VS Code server used by the harness (see vscodeServer.mjs, which re-exports
// `ensureServer`): code-server@4.100.3's npm package (= VS Code 1.100.3, the newest that runs on
// Node 20), unpacked under .vscode-test/ (git-ignored) with only the npm registry.
// First prepare: npm pack + npm install (~6 s) + native rebuild of spdlog/watchdog (~20 s, for quiet
// logs; ACTIVATION_LENS_REBUILD_NATIVE=0 skips it, and a failed rebuild is only a warning).
// ACTIVATION_LENS_VSCODE_CACHE=dir prepares/uses the server elsewhere than .vscode-test/.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Absolute path of the repository (the extension under development). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The pinned code-server release: later ones need Node 22+ and may drop the development payload. */
export const CODE_SERVER_VERSION = '4.100.3';

const cacheRoot = resolve(
  process.env.ACTIVATION_LENS_VSCODE_CACHE ?? join(repoRoot, '.vscode-test'),
);
/** Where the prepared server lives; it only appears (by rename) once complete. */
const serverDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const readyMarker = join(serverDir, '.activation-lens-ready');
const serverMain = join(serverDir, 'lib', 'vscode', 'out', 'server-main.js');

async function run(cmd, args, cwd) {
  try {
    return await execFileAsync(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024, env: process.env });
  } catch (e) {
    const detail = [e.stderr, e.stdout].filter(Boolean).join('\n').trim().split('\n').slice(-15);
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${detail.join('\n')}`);
  }
}

/**
 * Makes sure the VS Code server is unpacked and its runtime dependencies installed under
 * `.vscode-test/`. Idempotent and safe when two runs start at once: each prepares in its own
 * staging folder and publishes it with one atomic rename; the loser discards its copy.
 * Uses nothing but the npm registry.
 * @returns {Promise<{ dir: string, serverMain: string, prepared: boolean, seconds: number }>}
 *   `prepared` is false when the cached server was used.
 */
export async function ensureServer({ log = console.log } = {}) {
  const started = Date.now();
  const result = (prepared) => ({
    dir: serverDir,
    serverMain,
    prepared,
    seconds: (Date.now() - started) / 1000,
  });
  if (existsSync(readyMarker)) {
    return result(false);
  }
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(join(cacheRoot, 'staging-'));
  try {
    log(`[vscode-server] preparing code-server@${CODE_SERVER_VERSION} (first run only)…`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // `npm pack` instead of `npm install code-server`: its postinstall downloads ripgrep from
    // GitHub and refuses to run as root.
    const { stdout } = await run(
      npm,
      ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent', '--pack-destination', staging],
      staging,
    );
    const tarball = stdout.trim().split('\n').pop();
    await run('tar', ['-xzf', join(staging, tarball)], staging);
    const packageDir = join(staging, 'package');
    const vscodeDir = join(packageDir, 'lib', 'vscode');
    await run(
      npm,
      ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'],
      vscodeDir,
    );
    // The server loads its modules from node_modules.asar (packed in real releases); relative so
    // the link survives the rename below.
    symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
    const native =
      process.env.ACTIVATION_LENS_REBUILD_NATIVE !== '0' && (await rebuildNative(vscodeDir, log));
    writeFileSync(
      join(packageDir, '.activation-lens-ready'),
      JSON.stringify({ prepared: new Date().toISOString(), native }),
    );
    try {
      renameSync(packageDir, serverDir);
    } catch (e) {
      // Another run published first: theirs is complete (the marker is written before the rename).
      if (!existsSync(readyMarker)) {
        throw e;
      }
    }
    log(`[vscode-server] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result(true);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    removeStaleStaging();
  }
}

/**
 * Builds the server's native logging/watchdog modules with the machine's compiler (~20 s once).
 * Optional: without them the server logs binding errors but the extension host works, so a
 * failure (no g++/make/python) is reported and ignored.
 */
async function rebuildNative(vscodeDir, log) {
  const t = Date.now();
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await run(npm, ['rebuild', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher'], vscodeDir);
    log(`[vscode-server] native modules built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return true;
  } catch (e) {
    log(
      `[vscode-server] native rebuild skipped (server works without): ${e.message.split('\n')[0]}`,
    );
    return false;
  }
}

/** Removes staging folders left by a run killed mid-prepare (untouched for an hour). */
function removeStaleStaging() {
  for (const name of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, name);
    if (name.startsWith('staging-') && Date.now() - statSync(path).mtimeMs > 3600_000) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}
