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
const nameRe = /[A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*/y;
const spaceRe = /\s*/y;
const attrRe = /\s+([A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7\u00C0-\uFFFF]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
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
      nameRe.lastIndex = i + 2;
      const m = nameRe.exec(text);
      if (!m) return null;
      spaceRe.lastIndex = nameRe.lastIndex;
      spaceRe.exec(text);
      if (text.charCodeAt(spaceRe.lastIndex) !== 0x3e) return null;
      const open = stack.pop();
      if (!open || open.tag !== m[0]) return null;
      const el: XmlElement = { name: open.name, attrs: open.attrs, children: open.children };
      if (stack.length === 0) {
        root = el;
      } else {
        stack[stack.length - 1]!.children.push(el);
      }
      i = spaceRe.lastIndex + 1;
      continue;
    }
    if (root !== null && stack.length === 0) return null; // a second root element
    nameRe.lastIndex = i + 1;
    const m = nameRe.exec(text);
    if (!m) return null;
    const tag = m[0];
    let at = nameRe.lastIndex;
    const attrs: Record<string, string> = {};
    const seen = new Set<string>();
    for (;;) {
      attrRe.lastIndex = at;
      const a = attrRe.exec(text);
      if (!a) break;
      const key = a[1]!;
      if (seen.has(key)) return null;
      seen.add(key);
      at = attrRe.lastIndex;
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      const value = decode(a[2] ?? a[3] ?? '');
      if (value === null) return null;
      attrs[localName(key)] = value;
    }
    spaceRe.lastIndex = at;
    spaceRe.exec(text);
    at = spaceRe.lastIndex;
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
