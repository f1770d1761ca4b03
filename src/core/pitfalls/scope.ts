/**
 * Following a name inside one Python function, as far as certainty goes: is `name`, where it is used at
 * `offset`, still the value the function received as that parameter? Any assignment to it (`x = x - x.max()`,
 * `x -= m`, `for x in …`, `x, y = …`) between the `def` and the use means it may be shifted already.
 */

/** How many lines back a function header is looked for. */
const MAX_LINES = 200;

export function isUnshiftedParameter(text: string, name: string, offset: number): boolean {
  if (!/^[A-Za-z_]\w*$/.test(name)) {
    return false;
  }
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const useIndent = indentOf(text, lineStart);
  const assigns = new RegExp(
    `^\\s*(?:(?:[\\w.]+\\s*,\\s*)*${name}\\s*(?:,\\s*[\\w.]+\\s*)*(?:[-+*/@]|\\*\\*|//)?=(?!=)|for\\s+(?:[\\w.]+\\s*,\\s*)*${name}\\b)`,
  );
  // The use's own line may assign the name before using it (`x = np.exp(x) / …` reads the old x: fine).
  for (let n = 0; n < MAX_LINES && lineStart > 0; n++) {
    const prevEnd = lineStart - 1;
    lineStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    const line = text.slice(lineStart, prevEnd);
    if (line.trim() === '' || line.trimStart().startsWith('#')) {
      continue;
    }
    const indent = indentOf(text, lineStart);
    const header = /^\s*(?:async\s+)?def\s+\w+\s*\(/.exec(line);
    if (header !== null && indent < useIndent) {
      return hasParameter(text, lineStart + header[0].length, name);
    }
    if (/^\s*class\b/.test(line) && indent < useIndent) {
      return false;
    }
    if (assigns.test(line)) {
      return false;
    }
  }
  return false;
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) {
    i++;
  }
  return i - lineStart;
}

/** Whether the parameter list starting after `def f(` names `name` (a plain, annotated or defaulted one). */
function hasParameter(text: string, from: number, name: string): boolean {
  let depth = 1;
  let i = from;
  for (; i < text.length && i < from + 2000 && depth > 0; i++) {
    const c = text[i];
    depth += c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0;
  }
  const params = text.slice(from, i - 1);
  return new RegExp(`(?:^|,)\\s*${name}\\s*(?:[:=,]|$)`).test(params.replace(/\s+/g, ' '));
}
