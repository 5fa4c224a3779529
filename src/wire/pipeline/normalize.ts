/**
 * Phase 2: the item as the content model will take it. Texts are clamped to the article's
 * limits, the agency falls back to the source's name, and a story with no rights line gets the
 * source's default or "© YEAR Agency. All rights reserved.".
 */
import { slugify } from '../../content/index.ts';
import { rightsLineFrom } from '../wire-item.ts';
import type { Draft, IngestContext, PhaseResult } from './types.ts';

export function normalize(draft: Draft, ctx: IngestContext): PhaseResult {
  const { item } = draft;
  const agency = item.agency ?? ctx.source.name;
  const year = (item.versionCreated ?? item.firstCreated ?? ctx.now).getUTCFullYear();
  const rightsLine =
    item.rightsLine ?? ctx.source.defaultRightsLine ?? rightsLineFrom({ holder: agency, year });
  return {
    ...draft,
    item: {
      ...item,
      headline: clamp(item.headline, 300),
      summary: clamp(item.summary, 1000),
      agency: clamp(agency, 200),
      rightsLine: rightsLine ? clamp(rightsLine, 300) : null,
      keywords: item.keywords
        .map((k) => clamp(k, 100))
        .filter((k) => slugify(k) !== '')
        .slice(0, 30),
    },
  };
}

function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
