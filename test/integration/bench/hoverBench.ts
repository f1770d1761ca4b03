// Host benchmark of the hover, run inside the real VS Code extension host:
//   node esbuild.mjs && ACTIVATION_LENS_TESTS=out/test/integration/bench/hoverBench.js node scripts/runIntegration.mjs
// (bench/hostBench.ts does exactly that). Reports, never asserts: activate() time, the first hover (which
// loads dist/formulas.json), and p50/p95 of provideHover on a 5,000-line Python file with many calls —
// cache misses (every call distinct), cache hits, and a baseline measured in the same run (positions where
// the recognizer says no: the cost of reading the document and recognizing, without building a hover).
import * as vscode from 'vscode';
import { ConfigWatcher } from '../../../src/config';
import { recognizeAt } from '../../../src/core';
import { factsFor } from '../../../src/hover/activationFacts';
import { hoverMarkdown } from '../../../src/hover/hoverMarkdown';
import { FormulaLoader } from '../../../src/hover/formulaLoader';
import { ActivationHoverProvider } from '../../../src/hover/hoverProvider';
import { EXTENSION_ID } from '../helpers';

const LINES = 5000;

/** A long, real-looking PyTorch file: every fifth line has a call with its own parameters. */
function bigFile(): { text: string; calls: number[]; misses: number[] } {
  const lines = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];
  const calls: number[] = [];
  const misses: number[] = [];
  let offset = lines.join('\n').length + 1;
  const forms = [
    (i: number) => `    h = F.leaky_relu(h, negative_slope=${(0.01 + i * 1e-5).toFixed(5)})`,
    (i: number) => `    h = F.elu(h, alpha=${(0.5 + i * 1e-4).toFixed(4)})`,
    (i: number) => `    h = F.softplus(h, beta=${(1 + i * 1e-4).toFixed(4)})`,
    (i: number) => `    h = F.hardtanh(h, min_val=-1.0, max_val=${(1 + i * 1e-4).toFixed(4)})`,
    (i: number) => `    h = F.celu(h, alpha=${(1 + i * 1e-4).toFixed(4)})`,
  ];
  for (let i = 0; lines.length < LINES; i++) {
    const block = [
      `def layer_${i}(h):`,
      `    # block ${i}: a comment mentioning relu_count(h) and F.relu in prose`,
      forms[i % forms.length](i),
      `    h = torch.matmul(h, h.T) + ${i}`,
      `    return h`,
    ];
    for (const line of block) {
      const name = line.indexOf('F.');
      if (name > 0 && !line.includes('#')) {
        calls.push(offset + name + 3);
      } else if (line.includes('#')) {
        misses.push(offset + line.indexOf('relu_count') + 2);
      }
      lines.push(line);
      offset += line.length + 1;
    }
  }
  return { text: lines.join('\n'), calls, misses };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function stats(samples: number[]): { p50: number; p95: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), n: s.length };
}

/**
 * Times each hover by the wall clock and by this process's CPU time. On a shared, loaded machine the wall
 * clock also counts time the host was not scheduled; CPU time counts only the work (plus any GC).
 */
async function timeEach(
  positions: readonly vscode.Position[],
  hover: (p: vscode.Position) => vscode.ProviderResult<vscode.Hover>,
): Promise<{ samples: number[]; cpu: number[]; answered: number }> {
  const samples: number[] = [];
  const cpu: number[] = [];
  let answered = 0;
  for (const p of positions) {
    const c = process.cpuUsage();
    const t = performance.now();
    const h = await hover(p);
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    answered += h ? 1 : 0;
  }
  return { samples, cpu, answered };
}

function line(label: string, s: { p50: number; p95: number; n: number }, base?: number): string {
  const ratio = base ? `  (p50 ×${(s.p50 / base).toFixed(1)} baseline)` : '';
  return `  ${label.padEnd(44)} p50 ${s.p50.toFixed(3)} ms  p95 ${s.p95.toFixed(3)} ms  n=${s.n}${ratio}`;
}

/** Entry point for runIntegration.mjs. */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) {
    throw new Error(`${EXTENSION_ID} not loaded`);
  }
  const wasActive = extension.isActive;
  let t = performance.now();
  await extension.activate();
  const activateMs = performance.now() - t;

  const { text, calls, misses } = bigFile();
  const document = await vscode.workspace.openTextDocument({ language: 'python', content: text });
  const token = new vscode.CancellationTokenSource().token;
  const config = new ConfigWatcher();
  const loader = new FormulaLoader(extension.extensionUri);
  const provider = new ActivationHoverProvider(config, loader);
  const hover = (p: vscode.Position) => provider.provideHover(document, p, token);

  t = performance.now();
  const first = await hover(document.positionAt(calls[0]));
  const firstMs = performance.now() - t;
  if (!first) {
    throw new Error('no hover on the first call: the benchmark would measure nothing');
  }

  const callPositions = calls.map((o) => document.positionAt(o));
  const missPositions = misses.map((o) => document.positionAt(o));
  // Warm the JIT on a slice, then measure: baseline, distinct calls (cache misses), repeats (hits).
  await timeEach(callPositions.slice(1, 50), hover);
  await timeEach(missPositions.slice(0, 50), hover);
  const baseline = await timeEach(missPositions, hover);
  const cold = await timeEach(callPositions.slice(50), hover);
  const warm = await timeEach(callPositions.slice(-60), hover);
  // The pure part alone (recognize + facts + Markdown), to tell its cost from the provider's wrapping.
  const settings = config.current();
  const pure = await timeEach(callPositions.slice(50), (p) => {
    const call = recognizeAt(text, document.offsetAt(p), 'python');
    const facts = call && factsFor(call);
    const md =
      facts &&
      hoverMarkdown({ facts, callText: 'x', settings, theme: 'dark', formulas: loader.loaded });
    return md ? new vscode.Hover(md) : undefined;
  });
  const viaCommand = await timeEach(callPositions.slice(0, 200), (p) =>
    vscode.commands
      .executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, p)
      .then((hs) => hs?.[0]),
  );

  const base = stats(baseline.samples);
  const report = [
    `hover benchmark (extension host, ${document.lineCount} lines, ${calls.length} calls)`,
    `  activate()                                   ${wasActive ? 'already active' : `${activateMs.toFixed(2)} ms (includes loading the bundle)`}`,
    `  first hover (loads formulas.json)            ${firstMs.toFixed(2)} ms (load ${loader.loadMs} ms, ${loader.loaded?.size ?? 0} formulas)`,
    line('baseline: provideHover where nothing is', base),
    line('  the same, CPU time', stats(baseline.cpu)),
    line('provideHover, distinct calls (cache miss)', stats(cold.samples), base.p50),
    line('  the same, CPU time', stats(cold.cpu), stats(baseline.cpu).p50),
    line('recognize + hoverMarkdown only (no cache)', stats(pure.samples), base.p50),
    line('  the same, CPU time', stats(pure.cpu), stats(baseline.cpu).p50),
    line('provideHover, repeated calls (cache hit)', stats(warm.samples), base.p50),
    line('executeHoverProvider round trip', stats(viaCommand.samples), base.p50),
    `  answered: miss ${cold.answered}/${cold.samples.length}, hit ${warm.answered}/${warm.samples.length}, ` +
      `baseline ${baseline.answered}/${baseline.samples.length} (should be 0)`,
  ];
  console.log(report.join('\n'));
  provider.dispose();
  config.dispose();
  if (cold.answered !== cold.samples.length || baseline.answered !== 0) {
    throw new Error('the benchmark did not measure what it says: see "answered"');
  }
}
