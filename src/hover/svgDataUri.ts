/** Embeds an SVG in Markdown as an image: the hover renders `data:` images but no inline SVG. */

/**
 * `btoa` exists in every host we run in (Node ≥ 16 desktop host, the web worker host, Node tests) but the
 * host layer's lib has no DOM types, so it is looked up once here.
 */
const base64 = (globalThis as unknown as { btoa(binary: string): string }).btoa;

const NON_ASCII = /[\u0080-\u{10ffff}]/gu;

function reference(c: string): string {
  return `&#x${c.codePointAt(0)!.toString(16)};`;
}

/**
 * A `data:image/svg+xml;base64,` URI for an SVG document. Non-ASCII characters are written as XML character
 * references first, so the base64 step sees only single-byte characters.
 */
export function svgDataUri(svg: string): string {
  // Our SVGs are ASCII already (escapeXml below); this BMP test without the u flag is much cheaper than
  // running the replacement over every plot.
  const ascii = /[\u0080-\uffff]/.test(svg) ? svg.replace(NON_ASCII, reference) : svg;
  return `data:image/svg+xml;base64,${base64(ascii)}`;
}

/** Escapes text for an XML attribute or text node; non-ASCII becomes character references. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(NON_ASCII, reference);
}
