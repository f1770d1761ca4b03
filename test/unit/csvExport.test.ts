/**
 * The CSV export writes what the chart shows (issue 10): values the chart draws where they are at full
 * precision; values beyond ±1e300 (drawn clipped), ±∞ and NaN (not drawn) as empty cells named in a last
 * `note` column — never `Infinity` or `NaN`. Curves come from the core over ranges and parameters the
 * panel accepts; the expected values from the functions' definitions in the PyTorch docs (SELU, LeakyReLU:
 * y = x if x ≥ 0 else slope·x), evaluated here in doubles.
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
  it('SELU over x ∈ [−1e300, 1e300]: f beyond 1e300 is an empty cell and noted, the rest exact', () => {
    // PyTorch's SELU: scale·x for x > 0, scale·α·(eˣ − 1) below; scale from the torch.nn.SELU docs. The
    // x-range is the widest the panel's range boxes accept.
    const scale = 1.0507009873554805; // 1.0507009873554804934193349852946 to a double
    const { header, rows } = csvOf('selu', {}, [-1e300, 1e300]);
    assert.deepEqual(header, ['x', 'selu f', 'selu df', 'note']);
    const seen = { clipped: 0, written: 0 };
    for (const [xCell, f, df, note] of rows) {
      const x = Number(xCell);
      assert.ok(xCell !== '' && Math.abs(x) <= PLOT_LIMIT, `x cell ${xCell}`);
      if (x > 0 && scale * x > PLOT_LIMIT) {
        seen.clipped++;
        assert.deepEqual([f, Number(df), note], ['', scale, `selu f > ${PLOT_LIMIT}`], `x = ${x}`);
      } else if (x > 0) {
        seen.written++;
        const y = Number(f);
        assert.ok(Math.abs(y - scale * x) <= 2 * Number.EPSILON * y, `f(${x}) = ${f}`);
        assert.equal(note, '');
      } else {
        // Far left: f = −scale·α, f′ = 0 in doubles.
        assert.equal(Number(f), -scale * 1.6732632423543772, `f(${x})`);
        assert.equal(note, '');
      }
    }
    assert.ok(seen.clipped > 10 && seen.written > 10, JSON.stringify(seen));
  });

  it('LeakyReLU with slope 1e100 over ±1e210: −∞ and values beyond −1e300 are empty cells, named', () => {
    // 1e100 is the largest slope the panel accepts; f = slope·x overflows to −∞ below x ≈ −1.8e208.
    const slope = 1e100;
    const { header, rows } = csvOf('leaky_relu', { negative_slope: slope }, [-1e210, 1e210]);
    const label = 'leaky_relu(negative_slope=1e+100)';
    assert.deepEqual(header, ['x', `${label} f`, `${label} df`, 'note']);
    const seen = { infinite: 0, clipped: 0, written: 0 };
    for (const [xCell, f, df, note] of rows) {
      const x = Number(xCell);
      if (x >= 0) {
        seen.written++;
        assert.deepEqual([Number(f), Number(df), note], [x, 1, ''], `x = ${x}`);
        continue;
      }
      const y = slope * x;
      assert.equal(f, '', `f(${x}) = ${y} is not written`);
      assert.equal(Number(df), slope, `f′(${x})`);
      const why = y === -Infinity ? '= -∞' : `< -${PLOT_LIMIT}`;
      seen[y === -Infinity ? 'infinite' : 'clipped']++;
      assert.equal(note, `${label} f ${why}`, `x = ${x}`);
    }
    assert.ok(seen.infinite > 10 && seen.clipped > 3 && seen.written > 10, JSON.stringify(seen));
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
