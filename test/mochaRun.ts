// Shared mocha runner of the integration suite (in the extension host) and the browser checks
// (in Node). Prints the `N passed, N failed` line CI reads; pending tests, `.only` and an empty
// run fail, so CI cannot pass with tests silently left out.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type MochaType from 'mocha';

// Loaded at run time, never bundled: mocha resolves its reporters and workers by path, and the
// test files it loads must share this one instance.
const Mocha = createRequire(__filename)('mocha') as typeof MochaType;

/** Options of {@link runMocha}. */
export interface MochaRunOptions {
  /** Folder searched recursively for `*.test.js`. */
  dir: string;
  /** Per-test timeout in ms unless MOCHA_TIMEOUT is set. */
  timeout: number;
  /** Names the suite in messages, e.g. `'integration'`. */
  label: string;
}

/** Files under `dir` (recursively) whose names end with `.test.js`, sorted for a stable order. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Runs every `*.test.js` under `dir` with mocha (bdd), honouring MOCHA_GREP (a regular
 * expression over full titles) and MOCHA_TIMEOUT (ms).
 * @returns resolves when all tests passed; rejects on a failure, a pending test or no tests.
 */
export function runMocha({ dir, timeout, label }: MochaRunOptions): Promise<void> {
  const grep = process.env.MOCHA_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.MOCHA_TIMEOUT) || timeout,
    forbidOnly: true,
    forbidPending: true,
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });
  const files = testFiles(dir);
  files.forEach((f) => mocha.addFile(f));
  if (grep) {
    console.log(`MOCHA_GREP=${grep}`);
  }

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const { passes = 0, failures = 0, pending = 0, tests = 0 } = runner.stats ?? {};
        if (pending > 0) {
          console.log(`${pending} pending (counted as failed)`);
        }
        console.log(`${passes} passed, ${failures + pending} failed`);
        if (tests === 0) {
          reject(new Error(`no ${label} tests ran (${files.length} test files in ${dir})`));
        } else if (failures + pending > 0) {
          reject(new Error(`${failures + pending} ${label} test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (e) {
      // A test file that throws while loading: report it as the one failure it is.
      console.log('0 passed, 1 failed');
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
