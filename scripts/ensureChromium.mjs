// Makes sure the browser the real-VS Code tests drive is there before they start: Debian's chromium
// (never a downloaded one). Run as root on a Debian-like system (CI, containers) it installs the
// package through apt-get; anywhere else it prints the one command to run and exits with 1.
// CHROMIUM_PATH names another Chromium/Chrome binary and skips all of this.
//
//   node scripts/ensureChromium.mjs     (first step of `npm test` and `npm run test:browser`)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

/** Where the harness looks for the browser (scripts/vscodeServer.mjs uses the same rule). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Installs Debian's chromium when it is missing and this process may (root, apt-get present).
 * @returns {{ ok: boolean, message: string }}
 */
export function ensureChromium() {
  if (existsSync(chromiumPath)) {
    return { ok: true, message: `chromium: ${chromiumPath}` };
  }
  if (process.env.CHROMIUM_PATH) {
    return { ok: false, message: `CHROMIUM_PATH=${chromiumPath} does not exist.` };
  }
  const instruction =
    'Chromium is needed by the tests: install it with `sudo apt-get install chromium` ' +
    '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.';
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' });
  if (process.getuid?.() !== 0 || apt.error || apt.status !== 0) {
    return { ok: false, message: instruction };
  }
  console.log('[chromium] not found: installing Debian chromium with apt-get (once)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', '--no-install-recommends', 'chromium'],
  ]) {
    const step = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (step.status !== 0) {
      return { ok: false, message: `apt-get ${args.join(' ')} failed. ${instruction}` };
    }
  }
  return existsSync(chromiumPath)
    ? { ok: true, message: `chromium installed: ${chromiumPath}` }
    : {
        ok: false,
        message: `apt-get installed chromium, but not at ${chromiumPath}. ${instruction}`,
      };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ok, message } = ensureChromium();
  (ok ? console.log : console.error)(`[chromium] ${message}`);
  process.exit(ok ? 0 : 1);
}
