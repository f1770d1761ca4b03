/**
 * VS Code's hover rendering of a MarkdownString, reproduced for Node tests from its source
 * (src/vs/base/browser/markdownRenderer.ts and domSanitize.ts): `marked` with VS Code's image, link and
 * paragraph renderers and HTML allowed (supportHtml), theme icons rewritten in the rendered HTML
 * (supportThemeIcons), then the DOMPurify allow-list (tags, attributes, link and media schemes; command:
 * only because the string is trusted) applied to a parse5 tree, and data:/javascript: links dropped.
 */
import { Marked, type Tokens } from 'marked';
import { parseFragment, serialize, type DefaultTreeAdapterTypes as T } from 'parse5';

/** domSanitize.basicMarkupHtmlTags plus 'input' (markdownRenderer.allowedMarkdownHtmlTags). */
const ALLOWED_TAGS = new Set(
  `a abbr b bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption
  figure h1 h2 h3 h4 h5 h6 hr i img ins kbd label li mark ol p pre q rp rt ruby s samp small source span
  strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var video wbr input`.split(
    /\s+/,
  ),
);

/** markdownRenderer.allowedMarkdownHtmlAttributes (style and class only as the rules below allow). */
const ALLOWED_ATTRS = new Set(
  `align autoplay alt colspan controls draggable height href loop muted playsinline poster rowspan src
  target title type width start checked disabled value data-code data-href data-severity`.split(
    /\s+/,
  ),
);

/** DOMPurify drops these elements with their content (FORBID_CONTENTS, the ones that matter here). */
const DROP_WITH_CONTENT = new Set(
  'script style template iframe noscript noembed noframes xmp title svg math object embed head'.split(
    ' ',
  ),
);

/** A trusted hover's link schemes (getDomSanitizerConfig) and media schemes. */
const LINK_SCHEMES = [
  'http',
  'https',
  'mailto',
  'file',
  'vscode-file',
  'vscode-remote',
  'vscode-remote-resource',
  'vscode-notebook-cell',
  'internal',
  'command',
];
const MEDIA_SCHEMES = [
  'http',
  'https',
  'data',
  'file',
  'vscode-file',
  'vscode-remote',
  'vscode-remote-resource',
];

function schemeAllowed(value: string, schemes: readonly string[]): boolean {
  try {
    const url = new URL(value, 'vscode-relative-path://');
    return schemes.includes(url.protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

const quote = (s: string): string => s.replace(/"/g, '&quot;');

function markedForHover(): Marked {
  const marked = new Marked();
  marked.use({
    renderer: {
      image({ href, title, text }: Tokens.Image): string {
        const attrs = [`src="${quote(href)}"`];
        if (text) {
          attrs.push(`alt="${quote(text)}"`);
        }
        if (title) {
          attrs.push(`title="${quote(title)}"`);
        }
        return `<img ${attrs.join(' ')}>`;
      },
      link({ href, title, tokens }: Tokens.Link): string {
        const text = this.parser.parseInline(tokens);
        const h = href
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;');
        return `<a href="${h}" title="${quote(title ?? '') || h}" draggable="false">${text}</a>`;
      },
      paragraph({ tokens }: Tokens.Paragraph): string {
        return `<p>${this.parser.parseInline(tokens)}</p>`;
      },
    },
  });
  return marked;
}

const MARKED = markedForHover();

/** renderLabelWithIcons on the rendered HTML: `$(name)` (not after a backslash) becomes a codicon span. */
function themeIcons(html: string): string {
  return html.replace(
    /(\\)?\$\(([a-z0-9-]+?)(?:~([a-z0-9-]*?))?\)/gi,
    (m, escaped: string | undefined, name: string, mod: string | undefined) =>
      escaped
        ? m
        : `<span class="codicon codicon-${name}${mod ? ` codicon-modifier-${mod}` : ''}"></span>`,
  );
}

function isElement(n: T.ChildNode): n is T.Element {
  return 'tagName' in n;
}

function keepAttr(el: T.Element, name: string, value: string): boolean {
  if (name === 'style') {
    return (
      el.tagName === 'span' &&
      /^(color:(#[0-9a-fA-F]+|var\(--vscode(-[a-zA-Z0-9]+)+\));)?(background-color:(#[0-9a-fA-F]+|var\(--vscode(-[a-zA-Z0-9]+)+\));)?(border-radius:[0-9]+px;)?$/.test(
        value,
      )
    );
  }
  if (name === 'class') {
    return (
      el.tagName === 'span' && /^codicon codicon-[a-z-]+( codicon-modifier-[a-z-]+)?$/.test(value)
    );
  }
  if (!ALLOWED_ATTRS.has(name)) {
    return false;
  }
  if (name === 'href') {
    return value.startsWith('#') || schemeAllowed(value, LINK_SCHEMES);
  }
  if (name === 'src') {
    return schemeAllowed(value, MEDIA_SCHEMES);
  }
  return true;
}

/** The allow-list applied in place: children of a dropped tag are kept, as DOMPurify's KEEP_CONTENT. */
function sanitize(parent: T.ParentNode): void {
  const out: T.ChildNode[] = [];
  for (const node of parent.childNodes) {
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') {
      continue;
    }
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    if (
      DROP_WITH_CONTENT.has(node.tagName) ||
      node.namespaceURI !== 'http://www.w3.org/1999/xhtml'
    ) {
      continue;
    }
    sanitize(node);
    if (!ALLOWED_TAGS.has(node.tagName)) {
      for (const child of node.childNodes) {
        child.parentNode = parent;
        out.push(child);
      }
      continue;
    }
    node.attrs = node.attrs.filter((a) => keepAttr(node, a.name, a.value));
    if (node.tagName === 'a') {
      // rewriteRenderedLinks: a data: or javascript: link (or none) is replaced by its text.
      const href = node.attrs.find((a) => a.name === 'href')?.value ?? '';
      if (!href || /^data:|javascript:/i.test(href)) {
        for (const child of node.childNodes) {
          child.parentNode = parent;
          out.push(child);
        }
        continue;
      }
    }
    if (node.tagName === 'input') {
      continue;
    }
    out.push(node);
  }
  parent.childNodes = out;
}

/** The hover as VS Code would put it into the DOM: a sanitized parse5 fragment. */
export function renderHover(markdown: string): T.DocumentFragment {
  const value = markdown.length > 100_000 ? `${markdown.slice(0, 100_000)}…` : markdown;
  const html = themeIcons(MARKED.parse(value, { async: false }));
  const fragment = parseFragment(html);
  sanitize(fragment);
  return fragment;
}

/** Every element of a tree, in document order. */
export function elements(root: T.ParentNode): T.Element[] {
  const out: T.Element[] = [];
  const walk = (p: T.ParentNode): void => {
    for (const n of p.childNodes) {
      if (isElement(n)) {
        out.push(n);
        walk(n);
      }
    }
  };
  walk(root);
  return out;
}

/** The concatenated text of a subtree, entities decoded (what the reader sees). */
export function textOf(node: T.ParentNode): string {
  let s = '';
  for (const n of node.childNodes) {
    s += n.nodeName === '#text' ? (n as T.TextNode).value : isElement(n) ? textOf(n) : '';
  }
  return s;
}

export function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export { serialize };
