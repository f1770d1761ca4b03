/**
 * The catalogue's prose (notes, differences) sometimes writes maths the TeX way, `e^{z−max z}`; the hover's
 * Markdown would show those braces raw. This writes such fragments in Unicode: superscripts where every
 * character has one (`e^{−x}` → `e⁻ˣ`), else `exp(…)` for powers of e and `^(…)` otherwise; subscripts
 * the same way. One linear pass; groups are short and never nested (longer or nested ones stay as written).
 */

// prettier-ignore
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ',
  f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ', n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ',
  s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ',
};

// prettier-ignore
const SUBSCRIPT: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ',
  k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};

/** `^{…}` or `_{…}` with at most 40 characters and no brace inside, and the character before it. */
const GROUP = /(^|[^])([\^_])\{([^{}]{1,40})\}/g;

function mapped(text: string, table: Readonly<Record<string, string>>): string | undefined {
  let out = '';
  for (const ch of text) {
    const m = table[ch];
    if (m === undefined) {
      return undefined;
    }
    out += m;
  }
  return out;
}

/** `text` with its TeX-style super- and subscript groups written in Unicode. */
export function unicodeMath(text: string): string {
  return text.replace(GROUP, (_all, before: string, mark: string, body: string, at: number) => {
    const table = mark === '^' ? SUPERSCRIPT : SUBSCRIPT;
    const small = mapped(body, table);
    if (small !== undefined) {
      return before + small;
    }
    // A lone `e` (not the end of a word such as "cube") is Euler's number: e^{…} reads as exp(…).
    const wordBefore = at > 0 && /\p{L}/u.test(text[at - 1]);
    if (mark === '^' && before === 'e' && !wordBefore) {
      return `exp(${body})`;
    }
    return `${before}${mark}(${body})`;
  });
}
