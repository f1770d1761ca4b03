// Makes the Getting Started walkthrough's pictures (media/walkthrough/*.jpg) from real screenshots the
// browser checks took of the extension in VS Code (test-results/, after `npm run test:browser`):
// each window picture scaled to 900 px wide and saved as JPEG, so the four stay small in the .vsix.
//
//   node scripts/walkthroughMedia.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, repoRoot } from './vscodeServer.mjs';

const WIDTH = 900;
/** Walkthrough step → the screenshot it shows (names from test/browser/*.test.ts). */
const STEPS = {
  hover: 'hover-fit-gelu-tanh.png',
  plot: 'plot-relu.png',
  compare: 'plot-relu-elu.png',
  depth: 'plot-depth.png',
};

const outDir = join(repoRoot, 'media/walkthrough');
mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
try {
  for (const [step, shot] of Object.entries(STEPS)) {
    const png = readFileSync(join(repoRoot, 'test-results', shot));
    // PNG header: width and height are big-endian at bytes 16 and 20.
    const height = Math.round((png.readUInt32BE(20) * WIDTH) / png.readUInt32BE(16));
    const page = await browser.newPage({ viewport: { width: WIDTH, height } });
    const src = `data:image/png;base64,${png.toString('base64')}`;
    await page.setContent(`<body style="margin:0"><img src="${src}" width="${WIDTH}"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    const out = join(outDir, `${step}.jpg`);
    writeFileSync(out, await page.screenshot({ type: 'jpeg', quality: 82 }));
    console.log(`${out} (${shot})`);
    await page.close();
  }
} finally {
  await browser.close();
}
