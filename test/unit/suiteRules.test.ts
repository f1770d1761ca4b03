/**
 * The unit suite's own rules, checked by running mocha with this repository's configuration on small spec
 * files: a skipped, pending or `.only` test fails the run, so a green run means every test ran.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..');
const mochaBin = createRequire(__filename).resolve('mocha/bin/mocha.js');

/** Runs mocha with the repository's .mocharc.json on one spec file; returns its exit status and output. */
function runSpec(body: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'suite-rules-'));
  try {
    const spec = join(dir, 'case.test.js');
    writeFileSync(spec, body);
    // cwd is the temporary folder, so the configured spec glob finds nothing there but this file.
    const run = spawnSync(
      process.execPath,
      [mochaBin, '--config', join(repoRoot, '.mocharc.json'), spec],
      { cwd: dir, encoding: 'utf8' },
    );
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the unit suite configuration', () => {
  it('passes a file whose tests all run', () => {
    const run = runSpec("describe('s', () => { it('runs', () => {}); });\n");
    assert.equal(run.status, 0, run.output);
  });

  for (const [what, body] of [
    ['it.skip', "describe('s', () => { it('a', () => {}); it.skip('b', () => {}); });\n"],
    ['a pending test without a body', "describe('s', () => { it('a', () => {}); it('todo'); });\n"],
    [
      'this.skip() at run time',
      "describe('s', () => { it('a', function () { this.skip(); }); });\n",
    ],
    ['describe.skip', "describe.skip('s', () => { it('a', () => {}); });\n"],
    ['.only', "describe('s', () => { it.only('a', () => {}); it('b', () => {}); });\n"],
  ] as const) {
    it(`fails a run with ${what}`, () => {
      const run = runSpec(body);
      assert.notEqual(run.status, 0, run.output);
      assert.match(run.output, /Pending test forbidden|`\.only` forbidden/, run.output);
    });
  }
});
