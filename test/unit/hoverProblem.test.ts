/** A call whose parameters the core refuses gets the core's own message in the hover, and no NaN. */
import { strict as assert } from 'node:assert';
import { validateParams } from '../../src/core';
import { factsFor } from '../../src/hover/activationFacts';
import { hoverMarkdown } from '../../src/hover/hoverMarkdown';
import { SETTINGS } from './hoverTestSettings';

describe('hover for parameters outside their range', () => {
  for (const [id, params, name] of [
    ['leaky_relu', { negative_slope: 1e308 }, 'negative_slope'],
    ['elu', { alpha: 1e308 }, 'alpha'],
  ] as const) {
    it(`${id} with ${name} = ${params[name as keyof typeof params]} says why, naming the parameter`, () => {
      const facts = factsFor({ id, params, framework: 'pytorch', start: 0, end: id.length });
      assert.ok(facts);
      const md = hoverMarkdown({
        facts,
        callText: `${id}(x)`,
        settings: SETTINGS,
        theme: 'dark',
        formulas: undefined,
      });
      const message = validateParams(id, params);
      assert.ok(message?.includes(name), message);
      assert.ok(md.includes(`⚠ ${message!.replace(/_/g, '\\_')}`), md.slice(0, 400));
      assert.ok(!/NaN/.test(md), 'no NaN anywhere in the hover');
    });
  }
});
