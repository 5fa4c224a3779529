/**
 * Format detection and the one entry point for a file's bytes. Each format is a folder with the
 * same files (`parse.ts` finds the items in a document, `map.ts` maps one to a WireItem); adding
 * a format is adding a folder and a line here.
 */
import { isRefusal, type ParsedFile, type Refusal, refusal, type WireItem } from '../wire-item.ts';
import { mapFeedEntry } from './feed/map.ts';
import { isFeed, parseFeed } from './feed/parse.ts';
import { mapNewsItem } from './newsml-g2/map.ts';
import { fragmentRoots, isNewsMlG2, parseNewsMlG2 } from './newsml-g2/parse.ts';
import { mapNinjs } from './ninjs/map.ts';
import { looksLikeNinjs, parseNinjs } from './ninjs/parse.ts';
import { mapNitf } from './nitf/map.ts';
import { isNitf, parseNitf } from './nitf/parse.ts';
import { decodeText, maxFileBytes, parseXml, type XmlElement } from './xml.ts';

export { maxFileBytes } from './xml.ts';

/**
 * Reads one file: its format, the text stories in it, and a precise refusal for everything else.
 * Never throws on bad input.
 *
 * @example
 * const { items, refusals } = parseWireFile(await readFile('item.xml'));
 */
export function parseWireFile(bytes: Uint8Array): ParsedFile {
  if (bytes.byteLength > maxFileBytes) {
    return refused(
      refusal('too_large', `The file is ${bytes.byteLength} bytes; the limit is ${maxFileBytes}.`),
    );
  }
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start]!)) start++;
  const first = bytes[start];
  if (first === undefined) return refused(refusal('no_content', 'The file is empty.'));
  if (first === 0x7b || first === 0x5b) return parseJsonFile(bytes);
  if (first === 0x3c || bytes[0] === 0xff || bytes[0] === 0xfe) return parseXmlFile(bytes);
  return refused(
    refusal('unknown_format', 'The file is neither XML nor JSON, so it is no wire format Dateline reads.'),
  );
}

function parseJsonFile(bytes: Uint8Array): ParsedFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refused(refusal('bad_encoding', 'The JSON file is not valid UTF-8.'));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.slice(0, 200);
    return refused(refusal('malformed_json', `Malformed JSON: ${message}`));
  }
  const entries = parseNinjs(value);
  if (entries.length === 1 && isRefusal(entries[0])) return refused(entries[0]);
  if (!looksLikeNinjs(value)) {
    return refused(
      refusal('unknown_format', 'The JSON document is not ninjs (no uri, headline, body or type).'),
    );
  }
  return collect(
    'ninjs',
    entries.map((e) => (isRefusal(e) ? e : mapNinjs(e))),
  );
}

function parseXmlFile(bytes: Uint8Array): ParsedFile {
  const text = decodeText(bytes);
  if (isRefusal(text)) return refused(text);
  const root = parseXml(text);
  if (isRefusal(root)) return refused(root);
  return parseXmlRoot(root);
}

function parseXmlRoot(root: XmlElement): ParsedFile {
  if (isNewsMlG2(root)) {
    return collect(
      'newsml-g2',
      parseNewsMlG2(root).map((item) => (isRefusal(item) ? item : mapNewsItem(item))),
    );
  }
  if (isNitf(root)) {
    const nitf = parseNitf(root);
    return collect('nitf', [isRefusal(nitf) ? nitf : mapNitf(nitf)]);
  }
  if (isFeed(root)) {
    const feed = parseFeed(root);
    if (isRefusal(feed))
      return { format: root.name === 'feed' ? 'atom' : 'rss', items: [], refusals: [feed] };
    return collect(
      feed.kind,
      feed.entries.map((entry, i) => mapFeedEntry(feed, entry, i)),
    );
  }
  if (root.name === 'NewsML') {
    return refused(
      refusal(
        'unsupported_format',
        'NewsML 1.x is not supported; ask the agency for its NewsML-G2 or NITF feed.',
      ),
    );
  }
  if (root.name === 'schema')
    return refused(refusal('not_a_news_item', 'The document is an XML Schema, not a wire item.'));
  if (fragmentRoots.has(root.name)) {
    return refused(
      refusal(
        'not_a_news_item',
        `The document is a fragment of a NewsML-G2 item (root <${root.name}>), not a whole item.`,
      ),
    );
  }
  return refused(
    refusal('unknown_format', `The XML root element <${root.name}> is not a wire format Dateline reads.`),
  );
}

function collect(format: ParsedFile['format'], results: Array<WireItem | Refusal>): ParsedFile {
  return {
    format,
    items: results.filter((r): r is WireItem => !isRefusal(r)),
    refusals: results.filter(isRefusal),
  };
}

function refused(reason: Refusal): ParsedFile {
  return { format: null, items: [], refusals: [reason] };
}
