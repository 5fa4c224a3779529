/**
 * Phase 2: the item as the content model will take it. Texts are clamped to the article's
 * limits, the agency falls back to the source's name, and a story with no rights line gets the
 * source's default or "© YEAR Agency. All rights reserved.". The byline and the dateline place
 * are tidied for the article page: a byline the agency wrote as the body's first paragraph
 * becomes the byline, and a dateline keeps only its place ("Berlin (dpa) -" → "Berlin").
 */
import type { Block } from '../../content/index.ts';
import { slugify } from '../../content/index.ts';
import { clean, rightsLineFrom, urgencyOf, wireDate } from '../wire-item.ts';
import type { Draft, IngestContext, PhaseResult } from './types.ts';

export function normalize(draft: Draft, ctx: IngestContext): PhaseResult {
  const { item } = draft;
  const agency = item.agency ?? ctx.source.name;
  const year = (item.versionCreated ?? item.firstCreated ?? ctx.now).getUTCFullYear();
  const rightsLine =
    item.rightsLine ?? ctx.source.defaultRightsLine ?? rightsLineFrom({ holder: agency, year });
  const { byline, body } = bylineAndBody(item.byline, item.body, agency);
  return {
    ...draft,
    item: {
      ...item,
      headline: clamp(item.headline, 300),
      summary: clamp(item.summary, 1000),
      body,
      byline,
      dateline: datelinePlace(item.dateline),
      agency: clamp(agency, 200),
      rightsLine: rightsLine ? clamp(rightsLine, 300) : null,
      keywords: item.keywords
        .map((k) => clamp(k, 100))
        .filter((k) => slugify(k) !== '')
        .slice(0, 30),
      urgency: urgencyOf(item.urgency),
    },
  };
}

/** "By Jane Doe" written as the body's first paragraph (Reuters does) is the byline, not text. */
const bylineParagraph = /^(by|von|par|por)\s+[^.!?\n]{2,80}$/i;

function bylineAndBody(
  given: string | null,
  body: readonly Block[],
  agency: string,
): { byline: string | null; body: readonly Block[] } {
  let byline = clean(given);
  const first = body[0];
  const firstText = first?.type === 'paragraph' ? clean(first.text) : null;
  if (firstText && body.length > 1) {
    const same = byline !== null && firstText.toLowerCase() === byline.toLowerCase();
    if (same || (byline === null && bylineParagraph.test(firstText))) {
      byline = firstText;
      body = body.slice(1);
    }
  }
  // A byline that is only the agency's name says nothing the page does not already say.
  if (byline !== null && byline.toLowerCase() === agency.toLowerCase()) byline = null;
  return { byline: byline ? clamp(byline, 200) : null, body };
}

/**
 * The place a dateline names, without the agency's own lead-in or a date: "Waghäusel (dpa) -" →
 * "Waghäusel", "MADRID, 21 Nov. 2024 (Europa Press) -" → "MADRID". Null for what is not a place
 * (a timestamp, a sentence).
 */
export function datelinePlace(value: string | null): string | null {
  let place = clean(value);
  if (!place) return null;
  place = place
    .replace(/\s*\([^)]{0,60}\)\s*[-–—_.]*\s*$/u, '')
    .replace(/\s*[-–—_]+\s*$/u, '')
    .replace(/,\s*\d{1,2}\.?\s+\p{L}+\.?(\s+\d{4})?$/u, '')
    .replace(/,\s*\p{L}+\.?\s+\d{1,2}(,?\s+\d{4})?$/u, '')
    .trim();
  if (place === '' || place.length > 100 || !/\p{L}/u.test(place)) return null;
  if (/^\d/.test(place) || wireDate(place) !== null) return null;
  return place;
}

function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
