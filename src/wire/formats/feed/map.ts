/** One RSS item or Atom entry to the wire item; the channel gives the agency and rights. */
import { createHash } from 'node:crypto';
import type { Block } from '../../../content/index.ts';
import {
  clean,
  fallbackHeadline,
  type Refusal,
  refusal,
  rightsLineFrom,
  type WireItem,
  wireDate,
} from '../../wire-item.ts';
import { blocksFrom, blocksFromPlainText, decodeEntities, parseHtmlFragment } from '../blocks.ts';
import { child, childrenNamed, rawText, textOf, type XmlElement } from '../xml.ts';
import type { ParsedFeed } from './parse.ts';

export function mapFeedEntry(feed: ParsedFeed, entry: XmlElement, index: number): WireItem | Refusal {
  const atom = feed.kind === 'atom';
  const body = atom ? atomBody(entry) : rssBody(entry);
  const summaryEl = atom ? child(entry, 'summary') : child(entry, 'description');
  const summary = clean(plain(summaryEl))?.slice(0, 1000) ?? '';
  const link = atom ? atomLink(entry) : clean(textOf(child(entry, 'link')));
  const where = `${atom ? 'Atom entry' : 'RSS item'} ${index + 1}`;
  const title = clean(plain(child(entry, 'title')));
  if (body.length === 0 && summary === '') {
    return refusal(
      'no_content',
      `${where}${title ? ` ("${title}")` : ''} has no text: only a title or a link.`,
    );
  }
  const headline = title ?? fallbackHeadline(summary, body);
  if (!headline) return refusal('no_content', `${where} has no title.`);
  const updated =
    wireDate(textOf(child(entry, 'updated'))) ??
    rfc822(textOf(child(entry, 'pubDate'))) ??
    wireDate(textOf(child(entry, 'date'))) ??
    wireDate(textOf(child(entry, 'published')));
  const published =
    wireDate(textOf(child(entry, 'published'))) ?? rfc822(textOf(child(entry, 'pubDate'))) ?? updated;
  const guid =
    clean(textOf(child(entry, atom ? 'id' : 'guid'))) ??
    link ??
    `urn:feed:${createHash('sha1')
      .update(`${headline}|${published?.toISOString() ?? ''}`)
      .digest('hex')
      .slice(0, 20)}`;
  const agency = clean(plain(child(feed.channel, 'title')));
  const rightsText =
    clean(plain(child(entry, 'rights'))) ?? clean(plain(child(feed.channel, atom ? 'rights' : 'copyright')));
  const author = atom
    ? (clean(textOf(child(entry, 'author', 'name'))) ?? clean(textOf(child(feed.channel, 'author', 'name'))))
    : (clean(textOf(child(entry, 'creator'))) ?? clean(textOf(child(entry, 'author'))));
  return {
    format: atom ? 'atom' : 'rss',
    guid: guid.slice(0, 500),
    // Feeds carry no version: the entry's update time orders its versions.
    version: updated ? Math.max(1, Math.floor(updated.getTime() / 1000)) : 1,
    pubStatus: 'usable',
    headline: headline.slice(0, 300),
    slugline: null,
    summary,
    body: body.length > 0 ? body : [{ type: 'paragraph', text: summary }],
    byline: author?.slice(0, 200) ?? null,
    agency,
    rightsLine: rightsLineFrom({ notice: rightsText, holder: null }),
    usageTerms: null,
    keywords: [
      ...new Set(
        childrenNamed(entry, 'category')
          .map((c) => clean(c.attrs.term) ?? clean(c.attrs.label) ?? clean(textOf(c)))
          .filter((c): c is string => c !== null),
      ),
    ],
    subjects: [],
    dateline: null,
    language: clean(entry.attrs['xml:lang']) ?? clean(textOf(child(feed.channel, 'language'))),
    firstCreated: published,
    versionCreated: updated,
    embargo: null,
    licenceEnd: null,
    urgency: null,
  };
}

function rssBody(entry: XmlElement): Block[] {
  const encoded = child(entry, 'encoded');
  const html = encoded ? rawText(encoded) : rawText(child(entry, 'description'));
  return html.trim() ? blocksFrom(parseHtmlFragment(html)) : [];
}

function atomBody(entry: XmlElement): Block[] {
  const content = child(entry, 'content') ?? child(entry, 'summary');
  if (!content || content.attrs.src) return [];
  const type = (content.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') return blocksFrom(content);
  if (type === 'html' || type.includes('html')) return blocksFrom(parseHtmlFragment(rawText(content)));
  if (type === 'text' || type.startsWith('text/')) return blocksFromPlainText(rawText(content));
  return []; // base64 or other media types carry no readable text
}

function atomLink(entry: XmlElement): string | null {
  const links = childrenNamed(entry, 'link');
  const alternate = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? links[0];
  return clean(alternate?.attrs.href);
}

/** A text construct as plain text: html and escaped markup reduced to their words. */
function plain(el: XmlElement | undefined): string {
  if (!el) return '';
  const type = (el.attrs.type ?? '').toLowerCase();
  if (type === 'xhtml') return textOf(el);
  const raw = rawText(el);
  return /</.test(raw) ? decodeEntities(raw.replace(/<[^>]*>/g, ' ')) : raw;
}

function rfc822(value: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? wireDate(value) : date;
}
