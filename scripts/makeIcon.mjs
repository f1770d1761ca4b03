// Draws media/icon.png (128×128, the Marketplace and Extensions view icon) from our own plot: the
// hover's mini plot (src/hover/plotSvg.ts) of GELU and its derivative as the core computes them,
// on a rounded dark tile, rasterised by Debian's chromium. Run after changing the plot or the look:
//
//   node scripts/makeIcon.mjs [out.png]      (default media/icon.png)
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { launchBrowser, repoRoot } from './vscodeServer.mjs';

const SIZE = 128;
const out = process.argv[2] ?? join(repoRoot, 'media/icon.png');

// The plot code is TypeScript: bundle a two-line entry into CommonJS in memory and load it.
const entry = `
  import { evaluateArray } from './src/core';
  import { plotGrid, plotSvg } from './src/hover/plotSvg';
  import { coloursFor } from './src/hover/themeColours';
  export function geluPlot() {
    const xs = plotGrid([-3, 2.2], []);
    const { y, dy } = evaluateArray('gelu', xs, {});
    return plotSvg({ xs, y, dy, kinks: [] }, coloursFor('dark'), 'GELU: f solid, f′ dashed');
  }`;
const bundle = await esbuild.build({
  stdin: { contents: entry, resolveDir: repoRoot, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'silent',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(
  module,
  module.exports,
  createRequire(import.meta.url),
);
const plot = module.exports.geluPlot();

// Stretch the 240×130 plot onto the tile; strokes keep an icon-sized width whatever the stretch.
const inner = plot
  .replace(/^<svg [^>]*>/, '')
  .replace(/<\/svg>$/, '')
  .replace(/<text[^>]*>[^<]*<\/text>/g, '') // the range label is unreadable at icon size
  .replace(/<path /g, '<path vector-effect="non-scaling-stroke" ')
  .replace(/stroke-width="1\.8"/g, 'stroke-width="6"')
  .replace(/stroke-width="1"/g, 'stroke-width="3"')
  .replace(/stroke-dasharray="[^"]*"/g, 'stroke-dasharray="10 6"');
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}">
  <rect x="2" y="2" width="124" height="124" rx="22" fill="#1e1e1e"/>
  <svg x="8" y="14" width="112" height="100" viewBox="0 0 240 130" preserveAspectRatio="none">${inner}</svg>
</svg>`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<body style="margin:0;background:transparent">${icon}</body>`);
  writeFileSync(out, await page.screenshot({ omitBackground: true }));
  console.log(`icon: ${out}`);
} finally {
  await browser.close();
}
