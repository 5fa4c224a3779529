/** One ninjs item (1.x flat properties, 2.x/3.x arrays of headlines and bodies) to the wire item. */
import type { Block } from '../../../content/index.ts';
import {
  clean,
  fallbackHeadline,
  type Refusal,
  refusal,
  rightsLineFrom,
  urgencyOf,
  type WireItem,
  type WireSubject,
  wireDate,
} from '../../wire-item.ts';
import { blocksFrom, blocksFromPlainText, decodeEntities, parseHtmlFragment } from '../blocks.ts';
import { isObject, type JsonObject, prop } from './parse.ts';

/** ninjs types that carry a text story (Superdesk-flavoured feeds say "story" or "advisory"). */
const textTypes = new Set(['text', 'composite', 'advisory', 'story', 'article']);

export function mapNinjs(item: JsonObject): WireItem | Refusal {
  const guid = str(prop(item, 'uri')) ?? str(prop(item, 'guid')) ?? str(prop(item, 'id'));
  if (!guid) return refusal('invalid_item', 'The ninjs item has no uri or guid.');
  if (prop(item, 'eventDetails') !== undefined)
    return refusal('not_text', `ninjs item ${guid} describes an event, not a text story.`);
  const type = (str(prop(item, 'type')) ?? 'text').toLowerCase();
  if (!textTypes.has(type)) {
    return refusal('not_text', `ninjs item ${guid} is of type "${type}", not a text story.`);
  }
  const body = bodyOf(item);
  const summary = summaryOf(item);
  if (body.length === 0 && !summary)
    return refusal('no_content', `ninjs item ${guid} has no body text and no description.`);
  const headline = headlineOf(item) ?? str(prop(item, 'slugline')) ?? fallbackHeadline(summary ?? '', body);
  if (!headline) return refusal('no_content', `ninjs item ${guid} has no headline.`);
  const versionCreated = wireDate(str(prop(item, 'versioncreated')));
  const firstCreated = wireDate(str(prop(item, 'firstcreated')) ?? str(prop(item, 'contentcreated')));
  const holder = str(prop(item, 'copyrightholder'));
  const year = (versionCreated ?? firstCreated)?.getUTCFullYear() ?? null;
  const located = prop(item, 'located');
  return {
    format: 'ninjs',
    guid,
    version: versionOf(prop(item, 'version')),
    pubStatus: pubStatusOf(str(prop(item, 'pubstatus'))),
    headline,
    slugline: str(prop(item, 'slugline')),
    summary: summary ?? '',
    body: body.length > 0 ? body : [{ type: 'paragraph', text: summary ?? '' }],
    byline: (str(prop(item, 'byline')) ?? str(prop(item, 'by')))?.slice(0, 200) ?? null,
    agency: agencyOf(item) ?? holder,
    rightsLine: rightsLineFrom({ notice: str(prop(item, 'copyrightnotice')), holder, year }),
    usageTerms: str(prop(item, 'usageterms')),
    keywords: [
      ...new Set(
        list(prop(item, 'keywords'))
          .map((k) => str(k))
          .filter((k): k is string => k !== null),
      ),
    ],
    subjects: subjectsOf(item),
    dateline:
      typeof located === 'string' ? clean(located) : isObject(located) ? str(located.name) : placeOf(item),
    language: str(prop(item, 'language')),
    firstCreated,
    versionCreated,
    embargo: wireDate(str(prop(item, 'embargoed'))),
    licenceEnd: wireDate(str(prop(item, 'expires'))),
    urgency: urgencyOf(prop(item, 'urgency')),
  };
}

function headlineOf(item: JsonObject): string | null {
  const flat =
    str(prop(item, 'headline')) ?? str(prop(item, 'headline_main')) ?? firstWithPrefix(item, 'headline_');
  if (flat) return flat;
  const headlines = list(prop(item, 'headlines')).filter(isObject);
  const main =
    headlines.find((h) => h.role === 'main' && !/html/.test(String(h.contenttype ?? h.contentType ?? ''))) ??
    headlines[0];
  if (!main) return str(prop(item, 'title'));
  const value = String(main.value ?? '');
  return /html/.test(String(main.contenttype ?? main.contentType ?? ''))
    ? clean(textOfHtml(value))
    : clean(value);
}

function summaryOf(item: JsonObject): string | null {
  const flat =
    str(prop(item, 'description_text')) ??
    htmlText(str(prop(item, 'description_html'))) ??
    htmlText(firstWithPrefix(item, 'description_'));
  if (flat) return flat.slice(0, 1000);
  const descriptions = list(prop(item, 'descriptions')).filter(isObject);
  const main =
    descriptions.find((d) => /summary|abstract|main/.test(String(d.role ?? ''))) ?? descriptions[0];
  if (!main) return null;
  const value = String(main.value ?? '');
  const text = /html/.test(String(main.contenttype ?? main.contentType ?? '')) ? textOfHtml(value) : value;
  return clean(text)?.slice(0, 1000) ?? null;
}

function bodyOf(item: JsonObject): Block[] {
  const html = str(prop(item, 'body_html'), false) ?? str(prop(item, 'body_xhtml'), false);
  if (html) return blocksFrom(parseHtmlFragment(html));
  // 1.x extensible bodies (`body_main`, `body_text`…): markup when it looks like markup.
  const text = str(prop(item, 'body_text'), false) ?? firstWithPrefix(item, 'body_', false);
  if (text) return /<[a-z]/i.test(text) ? blocksFrom(parseHtmlFragment(text)) : blocksFromPlainText(text);
  const bodies = list(prop(item, 'bodies')).filter(isObject);
  const best =
    bodies.find((b) => /html/.test(String(b.contenttype ?? b.contentType ?? b.role ?? ''))) ?? bodies[0];
  if (!best) return [];
  const value = String(best.value ?? '');
  return /html|xml/.test(String(best.contenttype ?? best.contentType ?? best.role ?? ''))
    ? blocksFrom(parseHtmlFragment(value))
    : blocksFromPlainText(value);
}

function subjectsOf(item: JsonObject): WireSubject[] {
  const subjects = [...list(prop(item, 'subject')), ...list(prop(item, 'subjects'))].filter(isObject);
  const seen = new Set<string>();
  const out: WireSubject[] = [];
  for (const s of subjects) {
    const code = str(s.code) ?? str(s.uri) ?? str(s.qcode);
    const name = str(s.name);
    const key = code ?? name;
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ code, name });
  }
  return out;
}

function agencyOf(item: JsonObject): string | null {
  for (const key of ['provider', 'source', 'infosource']) {
    const value = prop(item, key);
    if (typeof value === 'string' && clean(value)) return clean(value);
    if (isObject(value) && str(value.name)) return str(value.name);
  }
  return null;
}

function placeOf(item: JsonObject): string | null {
  const place = list(prop(item, 'places')).find(isObject) ?? list(prop(item, 'place')).find(isObject);
  return place ? str(place.name) : null;
}

export function pubStatusOf(value: string | null): WireItem['pubStatus'] {
  const status = (value ?? 'usable').replace(/^.*:/, '').toLowerCase();
  if (status === 'canceled' || status === 'cancelled') return 'canceled';
  return status === 'withheld' ? 'withheld' : 'usable';
}

function versionOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isSafeInteger(n) && n > 0 ? n : 1;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function str(value: unknown, collapse = true): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value);
  return collapse ? clean(text) : text.trim() ? text : null;
}

function htmlText(html: string | null): string | null {
  return html ? clean(textOfHtml(html)) : null;
}

function textOfHtml(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '));
}

/** The first property named `prefix…` (ninjs 1.x extensible headline_*, body_*, description_*). */
function firstWithPrefix(item: JsonObject, prefix: string, collapse = true): string | null {
  for (const key of Object.keys(item)) {
    if (key.toLowerCase().startsWith(prefix)) {
      const value = str(item[key], collapse);
      if (value) return value;
    }
  }
  return null;
}
