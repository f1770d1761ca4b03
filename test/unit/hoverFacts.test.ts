/**
 * The hover's differences and Docs link against the corrected catalogue (issue #11): each difference links
 * its source, docs go to the code's own framework or nowhere, and facts reach the frameworks they are about.
 */
import { strict as assert } from 'node:assert';
import { listActivations, type Framework, type RecognizedCall } from '../../src/core';
import { SITES } from '../../src/core/activations/sources';
import { factsFor } from '../../src/hover/activationFacts';
import { actionsMarkdown, differencesMarkdown } from '../../src/hover/hoverText';

function facts(id: string, framework: Framework, params: RecognizedCall['params'] = {}) {
  const f = factsFor({ id, params, framework, start: 0, end: id.length });
  assert.ok(f, id);
  return f;
}

/** The URLs of every Markdown link in a string. */
function links(md: string): string[] {
  return [...md.matchAll(/\]\((\S+)/g)].map((m) => m[1]);
}

describe('hover differences link their sources', () => {
  it('every difference shown carries a link to its own source, and nothing else', () => {
    for (const info of listActivations()) {
      for (const d of info.differences) {
        // A difference about a parameter is shown to code that gives it (any valid value).
        const given = d.onlyIfGiven === undefined ? {} : { [d.onlyIfGiven]: 1 };
        const md = differencesMarkdown(facts(info.id, d.frameworks[0], given));
        assert.ok(links(md).includes(d.source.url), `${info.id}: ${d.source.url}`);
        const own = new Set(info.differences.map((x) => x.source.url));
        links(md).forEach((u) => assert.ok(own.has(u), u));
      }
    }
  });

  it('Keras code sees the two hard sigmoid generations and its backend-dependent kink', () => {
    const md = differencesMarkdown(facts('hardsigmoid', 'keras', { slope: 0.2 }));
    assert.match(md, /tf\.keras 2 and TF\.js use clip\(0\.2x \+ 0\.5, 0, 1\)/);
    assert.match(md, /depends on the backend/);
  });

  it("Keras and TF.js code that caps relu are told the cap's slope by backend; code that does not, nothing", () => {
    // Keras 3 relu: clip(…, 0, max_value) or relu6; the clip's gradient at its bound is 1 on TensorFlow
    // and PyTorch, ½ on JAX (lax.min/max split a tie). TF.js reLU({maxValue}) is clipByValue: 1, also at 6.
    const keras = differencesMarkdown(facts('relu', 'keras', { max_value: 6 }));
    assert.match(keras, /JAX's splits the tie \(½\)/);
    assert.match(keras, /relu6 instead, whose slope at 6 is 0/);
    assert.doesNotMatch(differencesMarkdown(facts('relu', 'keras')), /max\\_value the slope/);
    const tfjs = differencesMarkdown(facts('relu', 'tfjs', { max_value: 6 }));
    assert.match(tfjs, /slope at maxValue is 1, also at 6/);
    assert.equal(differencesMarkdown(facts('relu', 'tfjs')), '');
    assert.doesNotMatch(differencesMarkdown(facts('relu', 'pytorch', { max_value: 6 })), /slope/);
  });

  it('Flax code gets JAX conventions and its own PReLU default', () => {
    assert.match(differencesMarkdown(facts('gelu', 'flax')), /tanh approximation/);
    assert.match(differencesMarkdown(facts('leaky_relu', 'flax')), /gradient at 0 is 1/);
    assert.match(differencesMarkdown(facts('prelu', 'flax', { weight: 0.01 })), /0\.01/);
  });
});

describe('Docs link: the code’s own framework, or none', () => {
  const docsOf = (md: string) => /\[Docs\]\((\S+)\)/.exec(md)?.[1];

  it('never falls back to another framework’s page', () => {
    for (const info of listActivations()) {
      for (const fw of Object.keys(SITES) as Framework[]) {
        const url = docsOf(actionsMarkdown(facts(info.id, fw)));
        assert.equal(url, info.docs[fw], `${info.id} ${fw}`);
        if (url) {
          assert.ok(
            SITES[fw].some((p) => url.startsWith(p)),
            `${info.id} ${fw}: ${url}`,
          );
        }
      }
    }
  });

  it('Flax gelu links the Flax page, TF.js hardSigmoid and NumPy code link nothing', () => {
    assert.match(
      docsOf(actionsMarkdown(facts('gelu', 'flax'))) ?? '',
      /^https:\/\/flax\.readthedocs\.io\//,
    );
    assert.equal(docsOf(actionsMarkdown(facts('hardsigmoid', 'tfjs', { slope: 0.2 }))), undefined);
    assert.equal(docsOf(actionsMarkdown(facts('sigmoid', 'numpy'))), undefined);
    assert.match(
      docsOf(actionsMarkdown(facts('relu', 'pytorch'))) ?? '',
      /^https:\/\/docs\.pytorch\.org\//,
    );
    assert.match(
      docsOf(actionsMarkdown(facts('gelu', 'jax'))) ?? '',
      /^https:\/\/docs\.jax\.dev\//,
    );
  });
});

describe('parameters beyond the plottable range', () => {
  it('the facts carry validateParams’ message, naming the parameter', () => {
    const f = facts('leaky_relu', 'pytorch', { negative_slope: 1e308 });
    assert.match(f.problem ?? '', /'negative_slope' must be between −1e100 and 1e100/);
    assert.equal(facts('leaky_relu', 'pytorch', { negative_slope: 0.2 }).problem, undefined);
  });
});
