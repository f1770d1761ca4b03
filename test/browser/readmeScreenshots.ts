// Regenerates the README's screenshots from examples/ in a real VS Code window (not part of the test suite):
//   node esbuild.mjs && node out/test/browser/readmeScreenshots.js
// Writes docs/images/*.png.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, repoRoot, type Workbench } from './harness';
import { openDefaultPlot } from './plotPage';

const IMAGES = join(repoRoot, 'docs/images');

/** Hovers `text` in `file` until our hover (with its images decoded) shows, then saves the window. */
async function hoverShot(wb: Workbench, file: string, text: string, name: string): Promise<void> {
  await wb.openFile(file);
  await wb.extensionActivated();
  const hover = await wb.hoverOver(text);
  await hover.locator('img').first().waitFor();
  await hover
    .locator('img')
    .evaluateAll((imgs) => Promise.all((imgs as HTMLImageElement[]).map((i) => i.decode())));
  copyFileSync(await wb.screenshot(name), join(IMAGES, `${name}.png`));
  await wb.page.keyboard.press('Escape');
}

/** The Signal-through-depth view on tanh with PyTorch's nn.Linear init, once its networks have run. */
async function depthShot(wb: Workbench): Promise<void> {
  const frame = await openDefaultPlot(wb.page);
  await frame.locator('[role=tab]', { hasText: 'Signal through depth' }).click();
  await frame.locator('.depth-view[data-sim="done"]').waitFor({ timeout: 600_000 });
  copyFileSync(await wb.screenshot('depth-signal'), join(IMAGES, 'depth-signal.png'));
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const wb = await openWorkbench({
    folder: 'examples',
    trust: true,
    viewport: { width: 1400, height: 1000 },
  });
  try {
    await hoverShot(wb, 'pytorch_mlp.py', 'LeakyReLU(0.2', 'hover-pytorch-leaky-relu');
    await hoverShot(wb, 'jax_flax.py', 'gelu(jnp', 'hover-jax-gelu');
    await hoverShot(wb, 'keras_model.py', 'swish', 'hover-keras-swish');
    await depthShot(wb);
  } finally {
    await wb.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
