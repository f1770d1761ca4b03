/**
 * `npm run bench`: every benchmark, each printing ratios against a baseline measured in the same run.
 * Wall-clock numbers are reported, never asserted.
 */
import { runCoreBench } from './core.bench';
import { runHostBench } from './hostBench';
import { runPitfallsBench } from './pitfalls.bench';
import { runRecognizeBench } from './recognize.bench';
import { runDocumentModelBench } from './documentModel.bench';
import { runSignalBench } from './signal.bench';
import { runWebviewBench } from './webviewBench';

async function main(): Promise<void> {
  await runCoreBench();
  await runRecognizeBench();
  await runDocumentModelBench();
  await runPitfallsBench();
  runSignalBench();
  // The host benchmark builds everything; the webview benchmark uses that build.
  await runHostBench();
  await runWebviewBench();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
