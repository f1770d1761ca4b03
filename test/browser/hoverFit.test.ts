// A hover that fits: VS Code opens a hover at most max(¼ of the editor height, 250 px) tall and
// max(⅔ of its width, 750 px) wide. In a window whose editor is under 1,000 px tall that is 250 px,
// and inside it — without scrolling — must be the title, the typeset f and f′ and the mini plot, for
// every activation of the catalogue (GELU's tanh form too), in a light, a dark and a high-contrast
// theme. The calls are in test/fixtures/fit/, written as a sweep over activations would be.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { getActivation, listActivations } from '../../src/core';
import { openWorkbench, repoRoot, type Workbench } from './harness';
import { palette } from './plotPage';

/** VS Code's hover height limit in this window (its editor is ~700 px tall). */
const HOVER_MAX_HEIGHT = 250;

interface Target {
  file: string;
  /** Unique text on the call's line, and the offset of the character to point at within it. */
  text: string;
  at: number;
  id: string;
}

/** Every call of the fit fixtures: Keras' activation strings, PyTorch's modules, Flux's lisht. */
function targets(): Target[] {
  const out: Target[] = [];
  const keras = readFileSync(join(repoRoot, 'test/fixtures/fit/keras_sweep.py'), 'utf8');
  const KERAS_IDS: Record<string, string> = {
    hard_swish: 'hardswish',
    hard_sigmoid: 'hardsigmoid',
    log_sigmoid: 'logsigmoid',
    hard_tanh: 'hardtanh',
    soft_shrink: 'softshrink',
    hard_shrink: 'hardshrink',
    tanh_shrink: 'tanhshrink',
  };
  for (const m of keras.matchAll(/activation="(\w+)"/g)) {
    const text = `activation="${m[1]}"`;
    out.push({ file: 'fit/keras_sweep.py', text, at: 12, id: KERAS_IDS[m[1]] ?? m[1] });
  }
  for (const [module, id] of [
    ['PReLU', 'prelu'],
    ['RReLU', 'rrelu'],
    ['Threshold', 'threshold'],
    ['GELU(approximate', 'gelu'],
    ['Softmin', 'softmin'],
  ]) {
    out.push({ file: 'fit/torch_extras.py', text: `nn.${module}`, at: 3, id });
  }
  out.push({ file: 'fit/flux_lisht.jl', text: 'lisht)', at: 0, id: 'lisht' });
  out.push({ file: 'fit/hf_act2fn.py', text: '"quick_gelu"', at: 2, id: 'quick_gelu' });
  out.push({ file: 'fit/hf_act2fn.py', text: '"relu2"', at: 2, id: 'relu_squared' });
  out.push({ file: 'fit/candle_swiglu.rs', text: 'Swiglu', at: 2, id: 'swiglu' });
  return out;
}

/** The hover title of `id`: its name at the start (a variant may follow), case as written. */
function titleOf(id: string): RegExp {
  const name = getActivation(id).name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${name}( \\(|$)`);
}

/** The 1-based line of `text` in a fixture. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(join(repoRoot, 'test/fixtures', file), 'utf8').split('\n');
  return lines.findIndex((l) => l.includes(text)) + 1;
}

interface Fit {
  hoverHeight: number;
  scrolled: number;
  /** Parts not wholly inside the hover's visible box: what, and by how many px. */
  outside: string[];
  images: number;
}

/** Measures, in the page, which of the title and the images lie outside the hover's visible box. */
async function measure(hover: Locator): Promise<Fit> {
  return hover.evaluate(async (el) => {
    const images = Array.from(el.querySelectorAll('img'));
    // decode() settles once an image can be painted: its size is then final (an event, not a sleep).
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    // The fade-in's end (a cancelled animation rejects `finished`: it is over too).
    await Promise.all(
      el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)),
    );
    const box = el.getBoundingClientRect();
    const scroller = el.querySelector('.monaco-scrollable-element > .monaco-hover-content');
    const title = el.querySelector('.hover-contents strong, .markdown-hover strong');
    const parts: [string, Element | null][] = [
      ['title', title],
      ...images.map((img): [string, Element] => [`image "${img.alt.slice(0, 40)}"`, img]),
    ];
    const outside: string[] = [];
    for (const [what, part] of parts) {
      if (!part) {
        outside.push(`${what}: missing`);
        continue;
      }
      const r = part.getBoundingClientRect();
      const over = Math.max(
        box.top - r.top,
        r.bottom - box.bottom,
        box.left - r.left,
        r.right - box.right,
      );
      if (r.width === 0 || over > 0.5) {
        outside.push(`${what}: ${r.width === 0 ? 'not shown' : `${Math.ceil(over)} px outside`}`);
      }
    }
    return {
      hoverHeight: box.height,
      scrolled: scroller?.scrollTop ?? 0,
      outside,
      images: images.length,
    };
  });
}

const THEMES = [
  { name: 'Light Modern', bodyClass: 'vs' },
  { name: 'Dark Modern', bodyClass: 'vs-dark' },
  { name: 'Default High Contrast', bodyClass: 'hc-black' },
];

describe('hover fits in 250 px (browser)', function () {
  this.timeout(900_000);
  let wb: Workbench;
  const all = targets();

  before(async () => {
    wb = await openWorkbench({ viewport: { width: 1280, height: 800 } });
    // Opening the first Python file activates the extension (onLanguage:python), long before the
    // first hover: the extension host is up once the workbench answered the trust prompt.
    await wb.openFile(all[0].file);
  });
  after(async () => {
    await wb?.close();
  });

  it('the fixtures call every activation of the catalogue that a framework names', () => {
    const ids = new Set(all.map((t) => t.id));
    assert.deepEqual(
      listActivations()
        .map((a) => a.id)
        .filter((id) => !ids.has(id)),
      // GEGLU and ReGLU have no function or layer in any framework we read (models write them by hand):
      // no code names them, so no hover of theirs can open.
      ['geglu', 'reglu'],
    );
  });

  for (const theme of THEMES) {
    it(`${theme.name}: title, f, f′ and the plot show without scrolling for every id`, async () => {
      const page = wb.page;
      await palette(page, 'Preferences: Color Theme');
      await page.locator('.quick-input-widget input').fill(theme.name);
      await page
        .locator('.quick-input-widget .monaco-list-row', { hasText: theme.name })
        .first()
        .click();
      await page.locator(`.monaco-workbench.${theme.bodyClass}`).waitFor();
      const failures: string[] = [];
      let file = '';
      for (const t of all) {
        if (t.file !== file) {
          await wb.openFile(t.file);
          file = t.file;
        }
        await wb.goToLine(lineOf(t.file, t.text));
        const hover = await wb.hoverOver(t.text, 0, t.at);
        // The widget is reused: measure once it shows this call's title, not the last one's.
        await hover
          .locator('strong', { hasText: titleOf(t.id) })
          .first()
          .waitFor();
        const fit = await measure(hover);
        const name = `${t.id} (${t.text})`;
        if (fit.hoverHeight > HOVER_MAX_HEIGHT + 1) {
          failures.push(`${name}: the hover is ${fit.hoverHeight} px tall`);
        }
        if (fit.scrolled !== 0) {
          failures.push(`${name}: opened scrolled by ${fit.scrolled} px`);
        }
        if (fit.images < 2) {
          failures.push(`${name}: ${fit.images} images`);
        }
        failures.push(...fit.outside.map((o) => `${name}: ${o}`));
        if (t.text.includes('approximate') && theme === THEMES[0]) {
          await wb.screenshot('hover-fit-gelu-tanh');
        }
        await page.keyboard.press('Escape');
        await hover.waitFor({ state: 'hidden' });
      }
      assert.deepEqual(failures, [], `${theme.name}:\n${failures.join('\n')}`);
    });
  }
});
