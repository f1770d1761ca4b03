/** Numbers as the extension prints them (hover, chart readouts, tables): fixed significant digits, a true minus sign. */

const MINUS = '\u2212';

/**
 * Formats `x` with `digits` significant digits, dropping trailing zeros. Very large or very small magnitudes
 * switch to `1.5e−7` notation so a column of values stays narrow. Never throws: NaN and ±∞ print as such.
 */
export function formatNumber(x: number, digits: number): string {
  if (Number.isNaN(x)) {
    return 'NaN';
  }
  if (!Number.isFinite(x)) {
    return x > 0 ? '∞' : `${MINUS}∞`;
  }
  if (x === 0) {
    // -0 prints as 0: a sign on zero only confuses a reader of the table.
    return '0';
  }
  const d = Math.min(21, Math.max(1, Math.round(digits)));
  const abs = Math.abs(x);
  let text: string;
  if (abs >= 1e-4 && abs < 1e6) {
    // toPrecision writes 1234.5 at 2 digits as "1.2e+3"; in this range a plain 1200 reads better.
    text = Number(abs.toPrecision(d)).toString();
  } else {
    text = abs.toExponential(d - 1);
  }
  if (!text.includes('e')) {
    text = trimZeros(text);
  } else {
    const [mantissa, exponent] = text.split('e');
    text = `${trimZeros(mantissa)}e${exponent.replace('+', '').replace('-', MINUS)}`;
  }
  return x < 0 ? MINUS + text : text;
}

/** Parses what `formatNumber` printed (tests and links read numbers back). */
export function parseFormatted(text: string): number {
  const ascii = text.replace(new RegExp(MINUS, 'g'), '-').trim();
  if (ascii === '∞') {
    return Infinity;
  }
  if (ascii === '-∞') {
    return -Infinity;
  }
  return Number(ascii);
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
