import type { FastifyInstance } from 'fastify';
import type { ContentService, Tag } from '../content/index.ts';
import { wallClockMs } from '../platform/index.ts';
import { queryLimits, type SearchService } from '../search/index.ts';
import { renderSearchPage, type SearchForm } from './components/search-page.ts';
import type { PageResponder } from './page-response.ts';
import { urls } from './urls.ts';

export interface SearchRoutesOptions {
  readonly content: ContentService;
  readonly search: SearchService;
  readonly responder: PageResponder;
}

const pageSize = 20;

/**
 * /search: the form, highlighted results and their pages. Registered inside the site plugin for
 * the site and page context; never stored in the page cache (its key ignores the query string).
 * Malformed input (a bad date, an unknown section or tag, overlong words) is a 400 that shows the
 * form with what to fix; search words themselves can never be malformed.
 */
export async function searchRoutes(
  app: FastifyInstance,
  { content, search, responder }: SearchRoutesOptions,
) {
  app.get(urls.search(), async (request, reply) => {
    const { site, ctx, pageNumber } = request.page;
    const tags = await content.taxonomy.listTags(site.id);
    const { form, problems, section, tag, from, to } = readForm(
      request.query as Record<string, unknown>,
      (path) => content.sectionByPath(site.id, path),
      tags,
      site.timeZone,
    );
    if (pageNumber < 1) problems.push('Page: use a whole number from 1.');
    const result =
      problems.length === 0 && form.q
        ? await search.search(form.q, {
            siteId: site.id,
            now: ctx.now,
            sectionIds: section ? content.sectionFamily(section) : undefined,
            tagId: tag?.id,
            from,
            to,
            sort: form.sort,
            page: pageNumber,
            pageSize,
          })
        : null;
    const body = renderSearchPage(ctx, { form, tags, problems, result }).value;
    return responder.finish(request, reply, problems.length > 0 ? 400 : 200, body, {
      keys: [],
      kind: 'search',
      cacheable: false,
    });
  });
}

// Control characters have no business in search words and would only be echoed back (tab and
// newline become spaces when trimmed words are split anyway).
const controls = /\p{Cc}/gu;

function readForm(
  query: Record<string, unknown>,
  sectionByPath: (path: string) => ReturnType<ContentService['sectionByPath']>,
  tags: readonly Tag[],
  timeZone: string,
) {
  const problems: string[] = [];
  const form: SearchForm = {
    q: one(query.q).replace(controls, '').trim(),
    section: one(query.section),
    tag: one(query.tag),
    from: one(query.from).trim(),
    to: one(query.to).trim(),
    sort: one(query.sort) === 'newest' ? 'newest' : 'relevance',
  };
  if (Array.from(form.q).length > queryLimits.maxLength) {
    problems.push(`Search words: at most ${queryLimits.maxLength} characters, please.`);
  }
  const section = form.section ? sectionByPath(form.section) : undefined;
  if (form.section && !section) problems.push('Section: choose one from the list.');
  const tag = form.tag ? tags.find((t) => t.slug === form.tag) : undefined;
  if (form.tag && !tag) problems.push('Tag: choose one from the list.');
  const from = form.from ? startOfDay(form.from, timeZone) : undefined;
  if (from === null) problems.push(`From: “${form.from}” is no date; use one such as 2025-10-21.`);
  const toDay = form.to ? startOfDay(form.to, timeZone) : undefined;
  if (toDay === null) problems.push(`To: “${form.to}” is no date; use one such as 2025-10-21.`);
  // "To" includes the whole day: the search takes everything before the next midnight.
  const to = toDay ? startOfDay(nextDay(form.to), timeZone)! : undefined;
  if (from && to && from >= to) problems.push('From must not be after To.');
  // A date input may only show a valid date; the problem above names what was sent.
  const shown: SearchForm = { ...form, from: from ? form.from : '', to: toDay ? form.to : '' };
  return { form: shown, problems, section, tag, from: from ?? undefined, to };
}

function one(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

/** Midnight at the start of `date` (YYYY-MM-DD) in `timeZone`; null when it is no such day. */
function startOfDay(date: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wall = Date.UTC(year, month - 1, day);
  const check = new Date(wall);
  if (year < 1900 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  // Twice: the offset at the first guess can differ from the offset at midnight across a DST change.
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `ms`, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  return wallClockMs(ms, timeZone) - Math.floor(ms / 1000) * 1000;
}
