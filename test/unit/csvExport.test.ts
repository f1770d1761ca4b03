/**
 * The CSV export writes what the chart shows (issue 10): values the chart draws where they are at full
 * precision; values beyond ±1e300 (drawn clipped), ±∞ and NaN (not drawn) as empty cells named in a last
 * `note` column — never `Infinity` or `NaN`. Curves come from the core over the plotted range; the
 * expected values from the functions' definitions in the PyTorch docs (Threshold: y = x if x > θ else v;
 * LeakyReLU: y = x if x ≥ 0 else slope·x), evaluated here in doubles.
 */
import { strict as assert } from 'node:assert';
import { PLOT_LIMIT } from '../../src/plotLimits';
import type { ParamMap, SeriesState } from '../../src/protocol';
import { csvCell, curvesToCsv } from '../../webview/csvExport';
import { CurveCache } from '../../webview/curves';

/** Splits one CSV line into its fields, undoing the quoting ("" inside quotes is one "). */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m && m.index < line.length + 1; m = re.exec(line)) {
    const raw = m[1];
    out.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (m[2] === '') {
      break;
    }
  }
  return out;
}

function csvOf(id: string, params: ParamMap, range: [number, number]) {
  const series: SeriesState = { id, params, show: { f: true, df: true, d2f: false } };
  const { curves, errors } = new CurveCache().compute([series], range);
  assert.deepEqual(errors, [], `${id} is plotted`);
  const csv = curvesToCsv(curves);
  assert.doesNotMatch(csv, /Infinity|NaN/, 'no Infinity or NaN anywhere');
  const [header, ...rows] = csv.trimEnd().split('\n').map(fields);
  assert.ok(rows.length > 100, `${rows.length} rows`);
  for (const r of rows) {
    assert.equal(r.length, header.length, 'every row has every column');
  }
  return { header, rows };
}

describe('CSV export of the plotted values', () => {
  it('Threshold(0.1, -1.5e308): cells at or below θ are empty and noted, the rest exact', () => {
    const { header, rows } = csvOf('threshold', { threshold: 0.1, value: -1.5e308 }, [-3, 3]);
    const label = 'threshold(threshold=0.1 value=-1.5e+308)';
    assert.deepEqual(header, ['x', `${label} f`, `${label} df`, 'note']);
    let below = 0;
    let above = 0;
    for (const [xCell, f, df, note] of rows) {
      const x = Number(xCell);
      assert.ok(xCell !== '' && Number.isFinite(x), `x cell ${xCell}`);
      if (x > 0.1) {
        above++;
        assert.equal(Number(f), x, `f(${x}) = x`);
        assert.equal(Number(df), 1);
        assert.equal(note, '');
      } else {
        below++;
        // v = -1.5e308 is beyond what the chart draws: it is clipped there, so not written here.
        assert.equal(f, '', `f(${x}) is not written`);
        assert.equal(Number(df), 0);
        assert.equal(note, `${label} f < -${PLOT_LIMIT}`);
      }
    }
    assert.ok(below > 100 && above > 100, `${below} rows at or below θ, ${above} above`);
  });

  it('LeakyReLU with slope 1e308: −∞ and values beyond −1e300 are empty cells, each named', () => {
    const slope = 1e308;
    const { header, rows } = csvOf('leaky_relu', { negative_slope: slope }, [-5, 5]);
    const label = 'leaky_relu(negative_slope=1e+308)';
    assert.deepEqual(header, ['x', `${label} f`, `${label} df`, 'note']);
    const seen = { infinite: 0, clipped: 0, written: 0 };
    for (const [xCell, f, df, note] of rows) {
      const x = Number(xCell);
      const y = x >= 0 ? x : slope * x;
      if (x >= 0) {
        seen.written++;
        assert.deepEqual([Number(f), Number(df), note], [y, 1, ''], `x = ${x}`);
        continue;
      }
      assert.equal(f, '', `f(${x})`);
      assert.equal(df, '', `f′(${x}) = ${slope} is beyond the chart too`);
      const fNote = y === -Infinity ? `${label} f = -∞` : `${label} f < -${PLOT_LIMIT}`;
      seen[y === -Infinity ? 'infinite' : 'clipped']++;
      assert.equal(note, `${fNote}; ${label} df > ${PLOT_LIMIT}`, `x = ${x}`);
    }
    assert.ok(seen.infinite > 10 && seen.clipped > 10 && seen.written > 10, JSON.stringify(seen));
  });

  it('a plot the chart draws in full has no note column and every value exact', () => {
    const { header, rows } = csvOf('relu', {}, [-2, 2]);
    assert.deepEqual(header, ['x', 'relu f', 'relu df']);
    for (const [xCell, f, df] of rows) {
      const x = Number(xCell);
      // PyTorch's ReLU: max(0, x); its gradient at 0 is 0.
      assert.deepEqual([Number(f), Number(df)], [Math.max(0, x), x > 0 ? 1 : 0], `x = ${x}`);
    }
  });

  it('one cell: drawn values at full precision, the rest empty with the reason', () => {
    assert.deepEqual(csvCell(0.1 + 0.2), { cell: '0.30000000000000004' });
    assert.deepEqual(csvCell(-PLOT_LIMIT), { cell: '-1e+300' });
    assert.deepEqual(csvCell(PLOT_LIMIT * 1.5), { cell: '', note: '> 1e+300' });
    assert.deepEqual(csvCell(-Number.MAX_VALUE), { cell: '', note: '< -1e+300' });
    assert.deepEqual(csvCell(Infinity), { cell: '', note: '= +∞' });
    assert.deepEqual(csvCell(-Infinity), { cell: '', note: '= -∞' });
    assert.deepEqual(csvCell(NaN), { cell: '', note: 'undefined' });
  });

  it('nothing plotted: a lone x column', () => {
    assert.equal(curvesToCsv([]), 'x\n');
  });
});
