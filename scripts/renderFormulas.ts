/**
 * Build step: typesets every formula the catalogue can produce (each activation × each parameter choice and
 * framework default that changes its formula) from TeX to SVG with MathJax, and writes
 * `{ version, formulas: { [tex]: svg } }` to the path in argv[2] (dist/formulas.json). The SVGs paint in
 * `currentColor`; the hover swaps in the theme's colour. Run by esbuild.mjs after bundling this file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import { formulasOf, listActivations } from '../src/core';
import { formulaLines } from '../src/hover/formulaImages';

/** Pixels per ex in the hover: MathJax sizes in ex, an <img> needs a size of its own. */
const PX_PER_EX = 8.5;

/** Every TeX line the hover can ask for: each activation at its defaults and at each listed variant. */
export function catalogueTex(): Set<string> {
  const all = new Set<string>();
  for (const info of listActivations()) {
    for (const params of [{}, ...(info.formulaVariants ?? [])]) {
      for (const line of formulaLines(formulasOf(info.id, params), info.kind)) {
        all.add(line.tex);
      }
    }
  }
  return all;
}

/** TeX → standalone SVG string (paths inline, size in px, paint `currentColor`). */
export function makeTypesetter(): (tex: string) => string {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const doc = mathjax.document('', {
    InputJax: new TeX({ packages: AllPackages }),
    // 'local': each SVG carries the glyphs it uses once in its own <defs>, so it stands alone inside a
    // data URI (measured: 18% smaller than 'none', which repeats a path per use).
    OutputJax: new SVG({ fontCache: 'local' }),
  });
  return (tex) => {
    const svg = adaptor.innerHTML(doc.convert(tex, { display: true }));
    if (svg.includes('data-mjx-error') || svg.includes('merror')) {
      throw new Error(`MathJax could not typeset ${tex}`);
    }
    return (
      svg
        .replace(/ style="vertical-align: [^"]*"/, '')
        // MathJax's data-* attributes serve its own menus and a11y walker, useless inside an <img>.
        .replace(/ data-[a-z-]+="[^"]*"/g, '')
        .replace(/ (width|height)="([\d.]+)ex"/g, (_m, attr: string, ex: string) => {
          return ` ${attr}="${(Number(ex) * PX_PER_EX).toFixed(1)}"`;
        })
    );
  };
}

function main(): void {
  const out = process.argv[2];
  if (!out) {
    throw new Error('usage: node out/tools/renderFormulas.js <output.json>');
  }
  const started = performance.now();
  const typeset = makeTypesetter();
  const formulas: Record<string, string> = {};
  let failed = 0;
  for (const tex of [...catalogueTex()].sort()) {
    try {
      formulas[tex] = typeset(tex);
    } catch (e) {
      failed++;
      console.error(`renderFormulas: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const text = JSON.stringify({ version: 1, formulas });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const ms = (performance.now() - started).toFixed(0);
  console.log(
    `renderFormulas: ${Object.keys(formulas).length} formulas, ${(text.length / 1024).toFixed(1)} KB, ${ms} ms -> ${out}`,
  );
  if (failed > 0) {
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main();
}
