/**
 * readConfig's validation (src/configParse.ts) against package.json's own schema: for every setting the
 * declared default when unset or malformed, the declared minimum/maximum for numbers out of range, the
 * declared enum/allow-list for strings. The expected values are read from package.json, not from our code.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConfig, type LensConfig } from '../../src/configParse';

interface SettingSchema {
  type: string;
  default: unknown;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  items?: { enum?: string[] };
  properties?: Record<string, unknown>;
}

const packageJson = JSON.parse(
  readFileSync(resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
) as { contributes: { configuration: { properties: Record<string, SettingSchema> } } };

/** Every contributed setting by its key under `activationLens.`. */
const SCHEMA = new Map(
  Object.entries(packageJson.contributes.configuration.properties).map(([key, schema]) => [
    key.replace(/^activationLens\./, ''),
    schema,
  ]),
);

/** Where each setting lands in the validated config, in the shape package.json declares it. */
const FIELD: Record<string, (c: LensConfig) => unknown> = {
  'hover.enabled': (c) => c.hoverEnabled,
  'hover.languages': (c) => [...c.languages],
  'hover.sections': (c) => c.sections,
  significantDigits: (c) => c.significantDigits,
  'hover.plotRange': (c) => c.plotRange,
  'hover.fixedRange': (c) => c.fixedRange,
  'plot.followCursor': (c) => c.followCursor,
  'plot.lowGradientThreshold': (c) => c.lowGradientThreshold,
  'pitfalls.log-of-softmax': (c) => c.pitfalls['log-of-softmax'],
  'pitfalls.implicit-softmax-dim': (c) => c.pitfalls['implicit-softmax-dim'],
  'pitfalls.double-activation': (c) => c.pitfalls['double-activation'],
  'pitfalls.handwritten-overflow': (c) => c.pitfalls['handwritten-overflow'],
};

/** The config when `key` holds `value` and every other setting is unset. */
function withSetting(key: string, value: unknown): LensConfig {
  return parseConfig((k) => (k === key ? value : undefined));
}

/** Values of the wrong type for any setting (each schema type adds its own below). */
const WRONG_TYPES: unknown[] = [null, {}, [], [1, 2], 'true', 'on', 0, 1, NaN, Infinity, -Infinity];

function settingsOfType(type: string): [string, SettingSchema][] {
  const found = [...SCHEMA].filter(([, s]) => s.type === type);
  assert.ok(found.length > 0, `package.json declares no ${type} setting`);
  return found;
}

describe('settings validation (readConfig without VS Code)', () => {
  it('reads every setting package.json contributes, and only those', () => {
    const read = new Set<string>();
    parseConfig((key) => {
      read.add(key);
      return undefined;
    });
    assert.deepEqual([...read].sort(), [...SCHEMA.keys()].sort());
    assert.deepEqual(Object.keys(FIELD).sort(), [...SCHEMA.keys()].sort());
  });

  it('an unset setting gets the default package.json declares', () => {
    const config = parseConfig(() => undefined);
    for (const [key, schema] of SCHEMA) {
      assert.deepEqual(FIELD[key](config), schema.default, key);
    }
  });

  it('booleans: true and false are kept, anything else is the default', () => {
    for (const [key, schema] of settingsOfType('boolean')) {
      assert.equal(FIELD[key](withSetting(key, true)), true, key);
      assert.equal(FIELD[key](withSetting(key, false)), false, key);
      for (const bad of [...WRONG_TYPES, 'false', 'no']) {
        assert.equal(FIELD[key](withSetting(key, bad)), schema.default, `${key} = ${String(bad)}`);
      }
    }
  });

  it('numbers: clamped into [minimum, maximum]; NaN, ±∞, strings and arrays give the default', () => {
    const numeric = [...settingsOfType('number'), ...settingsOfType('integer')];
    assert.equal(
      numeric.length,
      3,
      'significantDigits, hover.fixedRange, plot.lowGradientThreshold',
    );
    for (const [key, schema] of numeric) {
      const { minimum: min, maximum: max } = schema;
      assert.ok(min !== undefined && max !== undefined, `${key} declares its range`);
      const field = (v: unknown) => FIELD[key](withSetting(key, v));
      assert.equal(field(Number.MAX_VALUE), max, `${key} = MAX_VALUE`);
      assert.equal(field(1e308), max, `${key} = 1e308`);
      assert.equal(field(-1.7e308), min, `${key} = -1.7e308`);
      assert.equal(field(max + 1), max, `${key} just above`);
      assert.equal(field(min - 1), min, `${key} just below`);
      assert.equal(field(min), min, `${key} at its minimum`);
      assert.equal(field(max), max, `${key} at its maximum`);
      for (const bad of [
        NaN,
        Infinity,
        -Infinity,
        '3',
        String(max),
        [max],
        { value: max },
        null,
        true,
      ]) {
        assert.equal(field(bad), schema.default, `${key} = ${JSON.stringify(bad) ?? String(bad)}`);
      }
    }
  });

  it('numbers in range are kept; an integer setting is rounded to an integer', () => {
    assert.equal(withSetting('hover.fixedRange', 7.25).fixedRange, 7.25);
    assert.equal(withSetting('plot.lowGradientThreshold', 0.3).lowGradientThreshold, 0.3);
    assert.equal(SCHEMA.get('significantDigits')?.type, 'integer');
    assert.equal(withSetting('significantDigits', 7.4).significantDigits, 7);
    assert.equal(withSetting('significantDigits', 7.6).significantDigits, 8);
    assert.equal(withSetting('significantDigits', 12.4).significantDigits, 12);
  });

  it('enums: each declared value is kept, anything else (case, spaces, arrays) is the default', () => {
    const enums = settingsOfType('string').filter(([, s]) => s.enum);
    assert.ok(enums.length > 0);
    for (const [key, schema] of enums) {
      for (const value of schema.enum ?? []) {
        assert.equal(FIELD[key](withSetting(key, value)), value, `${key} = ${value}`);
        for (const bad of [value.toUpperCase(), ` ${value}`, [value], { [value]: true }]) {
          assert.equal(FIELD[key](withSetting(key, bad)), schema.default, JSON.stringify(bad));
        }
      }
      for (const bad of WRONG_TYPES) {
        assert.equal(FIELD[key](withSetting(key, bad)), schema.default, String(bad));
      }
    }
  });

  it('hover.languages: only the declared language ids are kept; a non-array is the default', () => {
    const allowed = SCHEMA.get('hover.languages')?.items?.enum ?? [];
    assert.equal(allowed.length, 9);
    const languages = (v: unknown) => [...withSetting('hover.languages', v).languages].sort();
    assert.deepEqual(
      languages(['julia', 'PYTHON', 'cobol', 3, null, ['rust'], 'rust', 'julia', '']),
      ['julia', 'rust'],
    );
    assert.deepEqual(languages([]), [], 'an empty list switches the hover off everywhere');
    assert.deepEqual(languages([...allowed].reverse()), [...allowed].sort());
    for (const bad of ['python', null, { python: true }, 3, NaN]) {
      assert.deepEqual(languages(bad), [...allowed].sort(), JSON.stringify(bad));
    }
  });

  it('hover.sections: only an explicit false switches a declared section off', () => {
    const declared = Object.keys(SCHEMA.get('hover.sections')?.properties ?? {});
    assert.equal(declared.length, 6);
    const allOn = Object.fromEntries(declared.map((s) => [s, true]));
    const sections = (v: unknown) => withSetting('hover.sections', v).sections;
    for (const section of declared) {
      assert.deepEqual(sections({ [section]: false }), { ...allOn, [section]: false }, section);
      assert.deepEqual(sections({ [section]: 'false' }), allOn, `${section}: "false"`);
      assert.deepEqual(sections({ [section]: 0 }), allOn, `${section}: 0`);
    }
    assert.deepEqual(sections({ unknown: false, formulas: null }), allOn);
    for (const bad of [false, 'none', [false, false], null, 0]) {
      assert.deepEqual(sections(bad), allOn, JSON.stringify(bad));
    }
  });
});
