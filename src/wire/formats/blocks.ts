/**
 * Body markup to the content model's blocks. Agencies send NITF, XHTML or an HTML string; all
 * become a tree of elements first, then paragraphs, subheads, quotes and lists. Inline markup
 * (NITF's person/org/location, links, emphasis) is reduced to its text: no agency markup
 * reaches a page.
 */
import type { Block } from '../../content/index.ts';
import { squashSpaces } from '../wire-item.ts';
import { textOf, type XmlElement, type XmlNode } from './xml.ts';

const paragraphTags = new Set(['p', 'pre', 'tagline', 'dd', 'dt', 'caption', 'figcaption']);
const subheadTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hl2', 'subhead']);
const quoteTags = new Set(['blockquote', 'bq']);
const listTags = new Set(['ul', 'ol', 'dl']);
const skippedTags = new Set([
  'script',
  'style',
  'media',
  'img',
  'figure',
  'object',
  'iframe',
  'video',
  'audio',
  'head',
  'hedline',
  'byline',
  'dateline',
  'distributor',
  'abstract',
  'body.head',
  'body.end',
  'nitf-table-metadata',
  'header',
  'nav',
  'footer',
]);
const inlineTags = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'span',
  'br',
  'sub',
  'sup',
  'small',
  'q',
  'person',
  'org',
  'location',
  'money',
  'chron',
  'num',
  'event',
  'function',
  'object.title',
  'virtloc',
  'classifier',
  'copyrite',
  'pronounce',
  'lang',
  'frac',
  'ruby',
  'rb',
  'rt',
  'alt-code',
]);

/** The blocks of a body element (NITF body.content, XHTML body, or a parsed HTML fragment). */
export function blocksFrom(root: XmlElement | undefined): Block[] {
  const blocks: Block[] = [];
  if (root) walk(root, blocks);
  return blocks;
}

function walk(el: XmlElement, blocks: Block[]): void {
  let loose = '';
  const flush = () => {
    const text = squashSpaces(loose);
    if (text) blocks.push({ type: 'paragraph', text });
    loose = '';
  };
  for (const node of el.children) {
    if (typeof node === 'string' || inlineTags.has(node.name)) {
      loose += typeof node === 'string' ? node : inlineText(node);
      continue;
    }
    flush();
    const block = blockOf(node);
    if (block === 'skip') continue;
    if (block === 'descend') walk(node, blocks);
    else if (block) blocks.push(block);
  }
  flush();
}

function blockOf(el: XmlElement): Block | 'skip' | 'descend' | null {
  const name = el.name.toLowerCase();
  if (skippedTags.has(name)) return 'skip';
  if (paragraphTags.has(name)) {
    const text = squashSpaces(inlineText(el));
    return text ? { type: 'paragraph', text } : null;
  }
  if (subheadTags.has(name)) {
    const text = textOf(el);
    return text ? { type: 'subhead', text } : null;
  }
  if (quoteTags.has(name)) {
    const credit = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'credit');
    const text = el.children
      .filter((c) => c !== credit)
      .map((c) => (typeof c === 'string' ? c : ` ${inlineText(c)} `))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) return null;
    const cite = credit ? textOf(credit) : '';
    return cite ? { type: 'quote', text, cite } : { type: 'quote', text };
  }
  if (listTags.has(name)) {
    const items = el.children
      .filter(
        (c): c is XmlElement => typeof c !== 'string' && ['li', 'dt', 'dd'].includes(c.name.toLowerCase()),
      )
      .map((li) => squashSpaces(inlineText(li)))
      .filter((t) => t !== '');
    return items.length > 0 ? { type: 'list', ordered: name === 'ol', items } : null;
  }
  if (name === 'table') {
    const rows = collect(el, 'tr').map((tr) =>
      tr.children
        .filter((c): c is XmlElement => typeof c !== 'string' && (c.name === 'td' || c.name === 'th'))
        .map((cell) => textOf(cell))
        .join(' | '),
    );
    const items = rows.filter((r) => r.replace(/[|\s]/g, '') !== '');
    return items.length > 0 ? { type: 'list', ordered: false, items } : null;
  }
  return 'descend';
}

/** Text of inline markup; a line break becomes a space. */
function inlineText(node: XmlNode): string {
  if (typeof node === 'string') return node;
  if (node.name === 'br') return ' ';
  return node.children.map(inlineText).join('');
}

function collect(el: XmlElement, name: string, into: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) into.push(c);
    else collect(c, name, into);
  }
  return into;
}

const voidTags = new Set([
  'br',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'source',
  'wbr',
  'col',
  'area',
  'embed',
  'param',
]);
const autoClose = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th']);

/**
 * A lenient HTML fragment parser (ninjs `body_html`, feed content): never fails, closes what is
 * left open, decodes entities. Enough to find blocks; it is never used to produce markup.
 */
export function parseHtmlFragment(html: string): XmlElement {
  type Open = { name: string; attrs: Record<string, string>; children: XmlNode[] };
  const root: Open = { name: 'body', attrs: {}, children: [] };
  const stack: Open[] = [root];
  const tokens =
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([a-zA-Z][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|<|[^<]+/g;
  for (const match of html.matchAll(tokens)) {
    const [token, cdata, slash, rawName, rest] = match;
    const top = stack.at(-1)!;
    if (cdata !== undefined) {
      top.children.push(cdata);
    } else if (rawName === undefined) {
      if (!token.startsWith('<!--')) top.children.push(decodeEntities(token));
    } else {
      const name = rawName.toLowerCase().replace(/^.*:/, '');
      if (slash) {
        const at = stack.map((o) => o.name).lastIndexOf(name);
        if (at > 0) stack.length = at;
      } else {
        if (autoClose.has(name) && top.name === name) stack.pop();
        const el: Open = { name, attrs: {}, children: [] };
        stack.at(-1)!.children.push(el);
        if (!voidTags.has(name) && !rest?.trimEnd().endsWith('/')) stack.push(el);
      }
    }
  }
  return root;
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  deg: '°',
  middot: '·',
  bull: '•',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X'
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[ref] ?? whole;
  });
}

/** Plain text (ninjs body_text, NewsML-G2 inlineData) to paragraphs: blank lines separate them. */
export function blocksFromPlainText(text: string): Block[] {
  const parts =
    text.includes('\n\n') || text.includes('\r\n\r\n') ? text.split(/\r?\n\s*\r?\n/) : text.split(/\r?\n/);
  return parts
    .map((p) => squashSpaces(p))
    .filter((p) => p !== '')
    .map((text) => ({ type: 'paragraph', text }));
}
