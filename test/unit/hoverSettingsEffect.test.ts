/**
 * Each hover setting changes what the hover shows: a test per setting that fails when the builder ignores it.
 * Expected plot ranges come from the settings themselves and from the catalogue's declared plot range.
 */
import { strict as assert } from 'node:assert';
import { getActivation, type Framework, type RecognizedCall } from '../../src/core';
import { factsFor } from '../../src/hover/activationFacts';
import { hoverMarkdown, type HoverSettings } from '../../src/hover/hoverMarkdown';
import { ALL_ON, SETTINGS } from './hoverTestSettings';

function render(
  id: string,
  params: RecognizedCall['params'],
  framework: Framework,
  settings: HoverSettings,
): string {
  const facts = factsFor({ id, params, framework, start: 0, end: id.length });
  assert.ok(facts, id);
  return hoverMarkdown({
    facts,
    callText: `${id}(x)`,
    settings,
    theme: 'light',
    formulas: undefined,
  });
}

/** The x range printed in the hover plot's SVG ("x ∈ [lo, hi]"), decoded from its data URI. */
function plottedRange(md: string): [number, number] {
  const uri = /<img src="data:image\/svg\+xml;base64,([^"]+)" alt="[^"]*f solid/.exec(md);
  assert.ok(uri, 'the hover has a plot');
  const svg = Buffer.from(uri[1], 'base64').toString('utf8');
  const m = /x (?:∈|&#x2208;) \[([^,\]]+), ([^\]]+)\]/.exec(svg);
  assert.ok(m, svg.slice(-300));
  const num = (s: string): number => Number(s.replace('−', '-'));
  return [num(m[1]), num(m[2])];
}

describe('hover settings take effect', () => {
  it('sections.differences: the framework differences appear only when on', () => {
    // Keras' LeakyReLU layer has a default-slope difference naming keras (0.3 vs PyTorch's 0.01).
    const info = getActivation('leaky_relu');
    const keras = info.differences.find((d) => d.frameworks.includes('keras'));
    assert.ok(keras, 'leaky_relu has a difference for Keras');
    const on = render('leaky_relu', {}, 'keras', SETTINGS);
    const off = render('leaky_relu', {}, 'keras', {
      ...SETTINGS,
      sections: { ...ALL_ON, differences: false },
    });
    assert.ok(on.includes('⚠'), 'differences shown when on');
    assert.ok(!off.includes('⚠'), 'no differences when off');
  });

  it('plotRange "fixed" plots exactly [−fixedRange, fixedRange]', () => {
    for (const fixedRange of [0.5, 3, 7, 250]) {
      const md = render('tanh', {}, 'pytorch', { ...SETTINGS, plotRange: 'fixed', fixedRange });
      assert.deepEqual(plottedRange(md), [-fixedRange, fixedRange], `fixedRange ${fixedRange}`);
    }
  });

  it('plotRange "auto" plots the catalogue range, whatever fixedRange says', () => {
    const [lo, hi] = getActivation('tanh').plotRange;
    for (const fixedRange of [3, 7]) {
      const md = render('tanh', {}, 'pytorch', { ...SETTINGS, plotRange: 'auto', fixedRange });
      assert.deepEqual(plottedRange(md), [lo, hi]);
    }
    assert.notDeepEqual([lo, hi], [-3, 3], 'the catalogue range differs from the fixed ones tried');
    assert.notDeepEqual([lo, hi], [-7, 7]);
  });

  it('sections.values: the table of f and f′ appears only when on', () => {
    const on = render('relu', {}, 'pytorch', SETTINGS);
    const off = render('relu', {}, 'pytorch', {
      ...SETTINGS,
      sections: { ...ALL_ON, values: false },
    });
    assert.match(on, /<th align="left">f′\(x\)<\/th>/);
    assert.doesNotMatch(off, /<th align="left">f′\(x\)<\/th>/);
  });

  it('sections.properties: the range appears only when on', () => {
    // ReLU's range is [0, ∞) (mathematics, not read from the catalogue).
    const on = render('relu', {}, 'pytorch', SETTINGS);
    const off = render('relu', {}, 'pytorch', {
      ...SETTINGS,
      sections: { ...ALL_ON, properties: false },
    });
    // The brackets reach the Markdown escaped: "range \[0, ∞)".
    assert.match(on, /range \\?\[0, ∞\)/, 'properties shown when on');
    assert.doesNotMatch(off, /range \\?\[0, ∞\)/, 'no properties when off');
  });

  it('plotRange "auto" widens the catalogue range to show the call’s argument, and ignores a huge one', () => {
    const [lo, hi] = getActivation('tanh').plotRange;
    const at = (arg: number) =>
      plottedRange(
        hoverMarkdown({
          facts: factsFor({ id: 'tanh', params: {}, framework: 'pytorch', start: 0, end: 4, arg })!,
          callText: `tanh(${arg})`,
          settings: SETTINGS,
          theme: 'light',
          formulas: undefined,
        }),
      );
    const [wlo, whi] = at(40);
    assert.equal(wlo, lo, 'nothing added below');
    assert.ok(whi > 40 && whi <= 40 * 1.5, `the argument 40 inside [${wlo}, ${whi}]`);
    const [nlo, nhi] = at(-40);
    assert.ok(nlo < -40 && nlo >= -60 && nhi === hi, `the argument −40 inside [${nlo}, ${nhi}]`);
    assert.deepEqual(at(1e9), [lo, hi], 'an argument beyond 1e6 leaves the range alone');
  });

  it('sections.values and sections.properties also switch a vector function’s example and properties', () => {
    // softmax maps into (0, 1): every output is a probability (mathematics).
    const on = render('softmax', {}, 'pytorch', SETTINGS);
    const noValues = render('softmax', {}, 'pytorch', {
      ...SETTINGS,
      sections: { ...ALL_ON, values: false },
    });
    const noProperties = render('softmax', {}, 'pytorch', {
      ...SETTINGS,
      sections: { ...ALL_ON, properties: false },
    });
    assert.match(on, /f\(\[−?1, 0, 1, 2\]\) = \[/);
    assert.doesNotMatch(noValues, /f\(\[−?1, 0, 1, 2\]\) = \[/);
    assert.match(on, /range \(0, 1\)/);
    assert.doesNotMatch(noProperties, /range \(0, 1\)/);
  });
});
