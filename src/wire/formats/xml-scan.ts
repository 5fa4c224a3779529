/**
 * The happy path of `parseXml`: a strict, single-pass scanner for well-formed XML that builds
 * the same tree as the validating path, about five times faster (the validator and
 * fast-xml-parser each walk the text, and most of ingest's CPU went there). It gives up (returns
 * null) on anything unusual or wrong: a DOCTYPE with an internal subset, an unknown entity,
 * mismatched tags, duplicate attributes, deep nesting. The caller then takes the validating path,
 * which refuses with the line and column, so a refusal's wording never depends on this file.
 */
import type { XmlElement, XmlNode } from './xml.ts';

const maxDepth = 200;
const entityRe = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface Open {
  readonly tag: string;
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlNode[];
}

/** The document's root element, or null when the text needs the validating path. */
export function scanXml(source: string): XmlElement | null {
  // XML's end-of-line handling: every CR LF and lone CR is read as LF.
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  let i = 0;
  const n = text.length;
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  // Text runs join across comments; a CDATA section is a text node of its own (both as
  // fast-xml-parser gives them, so the format mappers see the same tree on either path).
  let pending: string | null = null;
  const flush = () => {
    if (pending !== null) stack[stack.length - 1]!.children.push(pending);
    pending = null;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) {
      const chunk = text.slice(i, end);
      if (stack.length === 0) {
        if (chunk.trim() !== '') return null;
      } else {
        const decoded = decode(chunk);
        if (decoded === null || chunk.includes(']]>')) return null;
        pending = (pending ?? '') + decoded;
      }
    }
    if (lt === -1) break;
    i = lt;
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close === -1) return null;
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        if (stack.length === 0) return null;
        const close = text.indexOf(']]>', i + 9);
        if (close === -1) return null;
        flush();
        stack[stack.length - 1]!.children.push(detached(text.slice(i + 9, close)));
        i = close + 3;
      } else if (text.startsWith('<!DOCTYPE', i) && stack.length === 0 && root === null) {
        const close = text.indexOf('>', i);
        // An internal subset (brackets) is rare: the validating path deals with it.
        if (close === -1 || text.slice(i, close).includes('[')) return null;
        i = close + 1;
      } else {
        return null;
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) return null;
      i = close + 2;
      continue;
    }
    if (stack.length > 0) flush();
    if (next === 0x2f /* / */) {
      const nameEnd = endOfName(text, i + 2);
      const gt = skipSpace(text, nameEnd);
      if (nameEnd === i + 2 || text.charCodeAt(gt) !== 0x3e) return null;
      const open = stack.pop();
      if (!open || nameEnd - (i + 2) !== open.tag.length || !text.startsWith(open.tag, i + 2)) return null;
      const el: XmlElement = { name: open.name, attrs: open.attrs, children: open.children };
      if (stack.length === 0) {
        root = el;
      } else {
        stack[stack.length - 1]!.children.push(el);
      }
      i = gt + 1;
      continue;
    }
    if (root !== null && stack.length === 0) return null; // a second root element
    const nameEnd = endOfName(text, i + 1);
    if (nameEnd === i + 1) return null;
    const tag = text.slice(i + 1, nameEnd);
    let at = nameEnd;
    const attrs: Record<string, string> = {};
    seenKeys.length = 0;
    for (;;) {
      const attribute = attributeAt(text, at);
      if (attribute === null) break;
      const { key, raw, end } = attribute;
      if (seenKeys.includes(key)) return null;
      seenKeys.push(key);
      at = end;
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      const value = decode(raw);
      if (value === null) return null;
      attrs[localName(key)] = value;
    }
    at = skipSpace(text, at);
    const c = text.charCodeAt(at);
    if (c === 0x2f /* / */ && text.charCodeAt(at + 1) === 0x3e) {
      const el: XmlElement = { name: localName(tag), attrs, children: [] };
      if (stack.length === 0) root = el;
      else stack[stack.length - 1]!.children.push(el);
      i = at + 2;
    } else if (c === 0x3e) {
      if (stack.length >= maxDepth) return null;
      stack.push({ tag, name: localName(tag), attrs, children: [] });
      i = at + 1;
    } else {
      return null;
    }
  }
  if (stack.length > 0 || root === null) return null;
  return root;
}

// Names, spaces and attributes are read by character codes rather than sticky regexes: every
// `exec` allocated a match array, about a seventh of all that ingesting an item allocated.

/** An element's attribute names so far (duplicates are malformed); reused, scanXml does not nest. */
const seenKeys: string[] = [];

/** XML name characters as the scanner takes them: `[A-Za-z_:\u00C0-\uFFFF]`, then also `[-.0-9\u00B7]`. */
function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;
}

/** The end of the name starting at `at`; `at` itself when no name starts there. */
function endOfName(text: string, at: number): number {
  if (!isNameStart(text.charCodeAt(at))) return at;
  let i = at + 1;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

/** JavaScript's `\s`, which the scanner has always taken between a tag's parts. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** ` name = "value"` (or single quotes; no `<` in the value) at `at`, else null. */
function attributeAt(text: string, at: number): { key: string; raw: string; end: number } | null {
  const keyStart = skipSpace(text, at);
  if (keyStart === at) return null;
  const keyEnd = endOfName(text, keyStart);
  if (keyEnd === keyStart) return null;
  const eq = skipSpace(text, keyEnd);
  if (text.charCodeAt(eq) !== 0x3d /* = */) return null;
  const open = skipSpace(text, eq + 1);
  const quote = text.charCodeAt(open);
  if (quote !== 0x22 && quote !== 0x27) return null;
  const close = text.indexOf(quote === 0x22 ? '"' : "'", open + 1);
  if (close === -1) return null;
  const raw = text.slice(open + 1, close);
  if (raw.includes('<')) return null;
  return { key: text.slice(keyStart, keyEnd), raw, end: close + 1 };
}

/**
 * A piece of the text that does not keep the whole text alive. V8 makes a long `slice` (or a
 * regex group) a view into its parent: a parsed item's guid or paragraph would hold its whole
 * file until the batch commits, and the garbage collector copied those files from young to old
 * space. Prepending a character makes V8 copy the piece, once, into a string of its own.
 */
function detached(piece: string): string {
  return piece.length < 13 ? piece : ` ${piece}`.slice(1);
}

/**
 * Text with its references decoded, or null for a bare `&` or an unknown entity; detached from
 * the document's text (a decoded one is a new string already).
 */
function decode(raw: string): string | null {
  if (!raw.includes('&')) return detached(raw);
  let bad = false;
  const out = raw.replace(entityRe, (_, name: string, dec: string, hex: string) => {
    if (name) return named[name]!;
    const code = dec ? Number(dec) : Number.parseInt(hex, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      bad = true;
      return '';
    }
    return String.fromCodePoint(code);
  });
  // Every `&` left over was not a reference the XML spec predefines.
  if (bad || hasBareAmpersand(raw)) return null;
  return out;
}

function hasBareAmpersand(raw: string): boolean {
  return raw.replace(entityRe, '').includes('&');
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
