/**
 * Every id and parameter name the recognizer's tables can report exists in the core's catalogue, and every
 * table's defaults are accepted by the core's own parameter validation.
 */
import assert from 'node:assert/strict';
import './freshModels';
import { listActivations, resolveParams } from '../../src/core';
import { allSpellings } from '../../src/core/recognize/resolve';

describe('recognizer tables agree with the catalogue', () => {
  const catalogue = new Map(
    listActivations().map((a) => [a.id, new Set(a.params.map((p) => p.name))]),
  );
  const spellings = allSpellings();

  it('has spellings to check', () => {
    assert.ok(spellings.length > 100, `${spellings.length} spellings`);
  });

  it('reports only catalogue ids and parameter names', () => {
    const problems: string[] = [];
    for (const s of spellings) {
      const names = catalogue.get(s.id);
      if (names === undefined) {
        problems.push(`unknown id ${s.id} (${s.framework})`);
        continue;
      }
      for (const p of [...Object.keys(s.defaults), ...s.pos, ...Object.values(s.kw)]) {
        if (p !== '' && !names.has(p)) {
          problems.push(`${s.id} (${s.framework}) has no parameter ${p}`);
        }
      }
    }
    assert.deepEqual([...new Set(problems)], []);
  });

  it('uses defaults the core accepts', () => {
    const problems: string[] = [];
    for (const s of spellings) {
      try {
        resolveParams(s.id, s.defaults as Record<string, number | string>);
      } catch (e) {
        problems.push(`${s.id} (${s.framework}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    assert.deepEqual([...new Set(problems)], []);
  });
});
