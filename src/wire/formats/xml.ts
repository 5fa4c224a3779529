/**
 * Safe XML for wire files: decoded by the declared encoding, refused when it declares entities
 * (billion laughs, external entities) or passes the size limit, parsed without network or DTD
 * access into a small read-only tree that the format parsers walk by local name.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type Refusal, refusal, squashSpaces } from '../wire-item.ts';
import { scanXml } from './xml-scan.ts';

/** Larger files are refused unread: real wire items are kilobytes, a few megabytes at most. */
export const maxFileBytes = 5 * 1024 * 1024;

export interface XmlElement {
  /** The local name, without any namespace prefix ("newsItem", not "ns0:newsItem"). */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

/**
 * Decodes a file's bytes: by its byte-order mark or XML declaration, else UTF-8; bytes that are
 * not UTF-8 in a file that declares nothing are read as Windows-1252 (what such files are, in
 * practice). A declared encoding the bytes do not match is refused: its meaning is not clear.
 */
export function decodeText(bytes: Uint8Array): string | Refusal {
  if (bytes.byteLength > maxFileBytes) {
    return refusal('too_large', `The file is ${bytes.byteLength} bytes; the limit is ${maxFileBytes}.`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return utf8(bytes.subarray(3), 'a UTF-8 byte-order mark');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  }
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined) {
    const text = utf8(bytes, 'no declaration');
    return typeof text === 'string' ? text : new TextDecoder('windows-1252').decode(bytes);
  }
  const label = declared === 'utf8' ? 'utf-8' : declared;
  if (label === 'utf-8') return utf8(bytes, 'encoding="utf-8"');
  // Declared Latin-1 but written as UTF-8 (it happens: Ritzau): valid multi-byte UTF-8 is
  // practically never Latin-1 text, so the meaning is clear.
  if (/^(iso-8859-1|latin-?1|windows-1252|cp1252|us-ascii)$/.test(label) && bytes.some((b) => b >= 0x80)) {
    const text = utf8(bytes, declared);
    if (typeof text === 'string') return text;
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (error) {
    return error instanceof RangeError && /encoding/i.test(error.message) && !/decode/i.test(error.message)
      ? refusal(
          'bad_encoding',
          `The file declares encoding "${declared}", which is not a known character encoding.`,
        )
      : refusal(
          'bad_encoding',
          `The file declares encoding "${declared}" but its bytes are not valid in it.`,
        );
  }
}

function utf8(bytes: Uint8Array, why: string): string | Refusal {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return refusal('bad_encoding', `The file is not valid UTF-8 (${why}): byte ${offset} is not UTF-8.`);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const extra =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return bytes.length;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Only the five predefined entities and character references: documents declaring their own
  // are refused before this point, so no expansion (billion laughs) and no external fetch (XXE).
  processEntities: { enabled: true, maxEntityCount: 0, maxEntitySize: 1, maxExpansionDepth: 1 },
  htmlEntities: false,
  maxNestedTags: 200,
});

/** Parses XML text into a tree, or says precisely why not (with the line of a syntax error). */
export function parseXml(text: string): XmlElement | Refusal {
  if (text.length > maxFileBytes) {
    return refusal('too_large', `The document is ${text.length} characters; the limit is ${maxFileBytes}.`);
  }
  const doctype = /<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/i.exec(text);
  if (doctype?.[1] && /<!ENTITY/i.test(doctype[1])) {
    return refusal(
      'hostile_xml',
      `The document declares entities in its DOCTYPE (line ${lineOf(text, doctype.index)}); entity declarations are refused (XML external entities, entity expansion).`,
    );
  }
  // Well-formed files (nearly all) take the fast scanner; anything it does not take is
  // validated and parsed as before, so every refusal still names its line and column.
  const fast = scanXml(text);
  if (fast) return fast;
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    return refusal(
      'malformed_xml',
      `Malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  let raw: unknown[];
  try {
    raw = parser.parse(text) as unknown[];
  } catch (error) {
    return refusal('malformed_xml', `Malformed XML: ${(error as Error).message}`);
  }
  const root = toNodes(raw).find((n): n is XmlElement => typeof n !== 'string');
  return root ?? refusal('malformed_xml', 'The document has no root element.');
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function toNodes(raw: unknown[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of raw) {
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === ':@') continue;
      if (key === '#text') {
        nodes.push(String(record[key]));
      } else if (key === '#comment' || key.startsWith('?') || key.startsWith('!')) {
        // comments, processing instructions and the DOCTYPE carry no content
      } else {
        const attrs = (record[':@'] as Record<string, string> | undefined) ?? {};
        const children = Array.isArray(record[key]) ? toNodes(record[key] as unknown[]) : [];
        nodes.push({ name: localName(key), attrs: localAttrs(attrs), children });
      }
    }
  }
  return nodes;
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function localAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    // `xml:lang` stays whole: it is the one prefixed attribute the formats rely on.
    out[key.startsWith('xml:') ? key : localName(key)] = String(value);
  }
  return out;
}

/** The element's direct children named `name`. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The first child named `name`, following a path: `child(item, 'contentMeta', 'headline')`. */
export function child(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = el;
  for (const name of path) {
    current = current?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
    if (!current) return undefined;
  }
  return current;
}

/** The first descendant (depth first) named `name`. */
export function descendant(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) return c;
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

export function descendants(el: XmlElement | undefined, name: string, into: XmlElement[] = []): XmlElement[] {
  if (!el) return into;
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) into.push(c);
    descendants(c, name, into);
  }
  return into;
}

/** All the text inside, whitespace collapsed. */
export function textOf(node: XmlNode | undefined): string {
  return squashSpaces(rawText(node));
}

export function rawText(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return node.children.map(rawText).join('');
}
