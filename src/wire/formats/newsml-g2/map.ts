/** One NewsML-G2 newsItem to the normalized wire item (or why it is not a text story). */
import type { Block } from '../../../content/index.ts';
import {
  clean,
  fallbackHeadline,
  type PubStatus,
  type Refusal,
  refusal,
  rightsLineFrom,
  urgencyOf,
  type WireItem,
  type WireSubject,
  wireDate,
} from '../../wire-item.ts';
import { blocksFrom, blocksFromPlainText, decodeEntities, parseHtmlFragment } from '../blocks.ts';
import { child, childrenNamed, descendant, rawText, textOf, type XmlElement } from '../xml.ts';

export function mapNewsItem(item: XmlElement): WireItem | Refusal {
  const guid = clean(item.attrs.guid);
  if (!guid) return refusal('invalid_item', 'The NewsML-G2 newsItem has no guid.');
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const itemClass = child(itemMeta, 'itemClass')?.attrs.qcode ?? '';
  const kind = itemClass.replace(/^.*:/, '');
  if (itemClass !== '' && kind !== 'text' && kind !== 'composite') {
    return refusal('not_text', `NewsML-G2 item ${guid} is a ${kind} item (${itemClass}), not a text story.`);
  }
  const nitf = descendant(child(item, 'contentSet'), 'nitf');
  const body = bodyBlocks(item);
  const summary = clean(decodeEntities(textOf(summaryOf(contentMeta)))) ?? '';
  if (body.length === 0 && summary === '') {
    return refusal('no_content', `NewsML-G2 item ${guid} has no body text and no summary.`);
  }
  const headline =
    clean(decodeEntities(textOf(preferred(childrenNamed(contentMeta, 'headline'))))) ??
    clean(textOf(descendant(child(descendant(nitf, 'body.head'), 'hedline'), 'hl1'))) ??
    clean(textOf(child(contentMeta, 'slugline'))) ??
    fallbackHeadline(summary, body);
  if (!headline) return refusal('no_content', `NewsML-G2 item ${guid} has no headline.`);
  const versionCreated = wireDate(textOf(child(itemMeta, 'versionCreated')));
  const firstCreated =
    wireDate(textOf(child(itemMeta, 'firstCreated'))) ??
    wireDate(textOf(child(contentMeta, 'contentCreated')));
  const rights = child(item, 'rightsInfo');
  const holder = child(rights, 'copyrightHolder');
  const holderName = holder ? (clean(textOf(child(holder, 'name'))) ?? clean(holder.attrs.literal)) : null;
  const provider = child(itemMeta, 'provider');
  const agency =
    (provider
      ? (clean(textOf(child(provider, 'name'))) ??
        clean(provider.attrs.literal) ??
        qcodeName(provider.attrs.qcode))
      : null) ?? holderName;
  const year = (versionCreated ?? firstCreated)?.getUTCFullYear() ?? null;
  return {
    format: 'newsml-g2',
    guid,
    version: versionNumber(item.attrs.version),
    pubStatus: pubStatusOf(child(itemMeta, 'pubStatus')?.attrs.qcode),
    headline,
    slugline: clean(textOf(child(contentMeta, 'slugline'))),
    summary,
    body: body.length > 0 ? body : [{ type: 'paragraph', text: summary }],
    byline: bylineOf(contentMeta, nitf),
    agency,
    rightsLine: rightsLineFrom({
      notice: textOf(child(rights, 'copyrightNotice')),
      holder: holderName,
      year,
    }),
    usageTerms: clean(textOf(child(rights, 'usageTerms'))),
    keywords: unique(childrenNamed(contentMeta, 'keyword').map((k) => textOf(k))),
    subjects: subjectsOf(contentMeta),
    dateline: datelineOf(contentMeta),
    language: clean(child(contentMeta, 'language')?.attrs.tag) ?? clean(item.attrs['xml:lang']),
    firstCreated,
    versionCreated,
    embargo: wireDate(textOf(child(itemMeta, 'embargoed'))),
    licenceEnd: licenceEndOf(itemMeta, rights),
    urgency: urgencyOf(textOf(child(contentMeta, 'urgency'))),
  };
}

/** Main headline first: agencies send several (hld:main, hld:sub…). */
function preferred(elements: XmlElement[]): XmlElement | undefined {
  return elements.find((e) => !e.attrs.role || /main|headline/i.test(e.attrs.role)) ?? elements[0];
}

function summaryOf(contentMeta: XmlElement | undefined): XmlElement | undefined {
  const descriptions = childrenNamed(contentMeta, 'description').filter((d) => textOf(d) !== '');
  return descriptions.find((d) => /summary|abstract/i.test(d.attrs.role ?? '')) ?? descriptions[0];
}

function bodyBlocks(item: XmlElement): Block[] {
  const contentSet = child(item, 'contentSet');
  if (!contentSet) return [];
  const candidates = contentSet.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (c.name === 'inlineXML' || c.name === 'inlineData'),
  );
  for (const content of candidates) {
    if (content.name === 'inlineData') {
      const text = rawText(content);
      const type = content.attrs.contenttype ?? 'text/plain';
      const blocks = /html/i.test(type) ? blocksFrom(parseHtmlFragment(text)) : blocksFromPlainText(text);
      if (blocks.length > 0) return blocks;
      continue;
    }
    const nitfBody = descendant(content, 'body.content');
    const root = nitfBody ?? descendant(content, 'body') ?? content;
    const blocks = blocksFrom(root);
    if (blocks.length > 0) return blocks;
  }
  return [];
}

function bylineOf(contentMeta: XmlElement | undefined, nitf: XmlElement | undefined): string | null {
  const by = clean(textOf(child(contentMeta, 'by')));
  if (by && !/no-data-available/i.test(by)) return by.slice(0, 200);
  const nitfBy = clean(textOf(descendant(nitf, 'byline')));
  return nitfBy ? nitfBy.slice(0, 200) : null;
}

function datelineOf(contentMeta: XmlElement | undefined): string | null {
  for (const located of childrenNamed(contentMeta, 'located')) {
    const name = clean(textOf(child(located, 'name'))) ?? clean(located.attrs.literal);
    if (name && !/no-data-available/i.test(name)) return name;
  }
  return clean(textOf(child(contentMeta, 'dateline')));
}

function subjectsOf(contentMeta: XmlElement | undefined): WireSubject[] {
  const seen = new Set<string>();
  const subjects: WireSubject[] = [];
  for (const subject of childrenNamed(contentMeta, 'subject')) {
    const code = clean(subject.attrs.qcode) ?? clean(subject.attrs.uri);
    const name = clean(textOf(child(subject, 'name'))) ?? clean(subject.attrs.literal);
    const key = code ?? name;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    subjects.push({ code, name });
  }
  return subjects;
}

/** The earliest expiry that binds web publication (none, or a web usage constraint). */
function licenceEndOf(itemMeta: XmlElement | undefined, rights: XmlElement | undefined): Date | null {
  const times = childrenNamed(itemMeta, 'expires')
    .filter((e) => !e.attrs.pubconstraint || /web/i.test(e.attrs.pubconstraint))
    .map((e) => wireDate(textOf(e)));
  times.push(wireDate(rights?.attrs.validto));
  const valid = times.filter((t): t is Date => t !== null).sort((a, b) => a.getTime() - b.getTime());
  return valid[0] ?? null;
}

export function pubStatusOf(qcode: string | undefined): PubStatus {
  const status = (qcode ?? 'usable').replace(/^.*:/, '').toLowerCase();
  if (status === 'canceled' || status === 'cancelled') return 'canceled';
  if (status === 'withheld') return 'withheld';
  return 'usable';
}

function versionNumber(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

function qcodeName(qcode: string | undefined): string | null {
  return clean(qcode?.replace(/^.*:/, ''));
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.replace(/\s+/g, ' ').trim()).filter((v) => v !== ''))];
}
