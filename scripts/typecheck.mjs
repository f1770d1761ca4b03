// Type-checks every layer against its own tsconfig (esbuild does not type-check).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const layers = ['src/core', 'src', 'webview', 'test'];
let failed = false;
for (const layer of layers) {
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', `${layer}/tsconfig.json`], {
      stdio: 'inherit',
    });
    console.log(`typecheck ${layer}: ok`);
  } catch {
    console.error(`typecheck ${layer}: failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
