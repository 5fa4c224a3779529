/** A NITF document to the wire item: docdata for identity, status and times; body for the text. */
import { createHash } from 'node:crypto';
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
import { blocksFrom } from '../blocks.ts';
import { child, childrenNamed, descendant, descendants, textOf, type XmlElement } from '../xml.ts';

export function mapNitf(nitf: XmlElement): WireItem | Refusal {
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const bodyHead = child(nitf, 'body', 'body.head');
  const body = blocksFrom(child(nitf, 'body', 'body.content'));
  const summary = clean(textOf(child(bodyHead, 'abstract'))) ?? '';
  if (body.length === 0 && summary === '')
    return refusal('no_content', 'The NITF document has no body text and no abstract.');
  const headline =
    clean(textOf(child(bodyHead, 'hedline', 'hl1'))) ??
    clean(textOf(child(head, 'title'))) ??
    fallbackHeadline(summary, body);
  if (!headline) return refusal('no_content', 'The NITF document has no headline (hl1 or title).');
  const docId = child(docdata, 'doc-id');
  const duKey = child(docdata, 'du-key');
  const issued = wireDate(child(docdata, 'date.issue')?.attrs.norm);
  const guid =
    clean(docId?.attrs['id-string']) ??
    clean(duKey?.attrs.key) ??
    // No identifier at all (some AP NITF): the source and the headline with its issue time stand in.
    `urn:nitf:${clean(docId?.attrs.regsrc) ?? 'unknown'}:${createHash('sha1')
      .update(`${headline}|${issued?.toISOString() ?? ''}`)
      .digest('hex')
      .slice(0, 20)}`;
  const copyright = child(docdata, 'doc.copyright');
  const holder = clean(copyright?.attrs.holder);
  const year = Number.parseInt(copyright?.attrs.year ?? '', 10);
  const distributor = clean(textOf(descendant(bodyHead, 'distributor')));
  const status = (docdata?.attrs['management-status'] ?? 'usable').toLowerCase();
  const release = wireDate(child(docdata, 'date.release')?.attrs.norm);
  return {
    format: 'nitf',
    guid,
    version: versionOf(duKey?.attrs.version),
    pubStatus: pubStatusOf(status),
    headline,
    slugline: clean(duKey?.attrs.key),
    summary: summary.slice(0, 1000),
    body: body.length > 0 ? body : [{ type: 'paragraph', text: summary }],
    byline: clean(textOf(child(bodyHead, 'byline')))?.slice(0, 200) ?? null,
    agency: distributor ?? holder ?? clean(child(docdata, 'del-list', 'from-src')?.attrs['src-name']),
    rightsLine: holder?.includes('rights reserved')
      ? `© ${Number.isInteger(year) ? `${year} ` : ''}${holder}`
      : rightsLineFrom({ holder, year: Number.isInteger(year) ? year : null }),
    usageTerms: clean(child(docdata, 'ed-msg')?.attrs.info),
    keywords: [
      ...new Set(
        childrenNamed(child(docdata, 'key-list'), 'keyword')
          .map((k) => clean(k.attrs.key))
          .filter((k): k is string => k !== null),
      ),
    ],
    subjects: subjectsOf(head),
    dateline:
      clean(textOf(descendant(child(bodyHead, 'dateline'), 'location'))) ??
      clean(textOf(child(bodyHead, 'dateline'))),
    language: clean(nitf.attrs['xml:lang']) ?? clean(child(head, 'meta')?.attrs.lang),
    firstCreated: issued,
    versionCreated: issued,
    // A release time is an embargo only while it is ahead; past release times change nothing.
    embargo: release,
    licenceEnd: wireDate(child(docdata, 'date.expire')?.attrs.norm),
    urgency: urgencyOf(child(docdata, 'urgency')?.attrs['ed-urg']),
  };
}

function subjectsOf(head: XmlElement | undefined): WireSubject[] {
  const out: WireSubject[] = [];
  const seen = new Set<string>();
  for (const s of descendants(head, 'tobject.subject')) {
    const ref = clean(s.attrs['tobject.subject.refnum']);
    const code = ref ? `subj:${ref}` : null;
    const name = clean(s.attrs['tobject.subject.matter']) ?? clean(s.attrs['tobject.subject.type']);
    const key = code ?? name;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ code, name });
  }
  return out;
}

function pubStatusOf(status: string): PubStatus {
  if (status === 'canceled' || status === 'cancelled') return 'canceled';
  if (status === 'withheld') return 'withheld';
  return 'usable';
}

function versionOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}
