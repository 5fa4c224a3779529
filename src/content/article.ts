import type { FieldProblem } from './errors.ts';
import { type Article, type Block, blockTypes, type Image } from './model.ts';

/** What the newsroom supplies when it creates or edits an article. */
export interface ArticleInput {
  readonly siteId: number;
  readonly sectionId: number;
  readonly headline: string;
  readonly slug?: string;
  readonly summary?: string;
  readonly body?: readonly Block[];
  readonly tagIds?: readonly number[];
  readonly authorIds?: readonly number[];
  readonly agencyId?: number | null;
  readonly rightsLine?: string | null;
  readonly bylineText?: string | null;
  readonly datelinePlace?: string | null;
  readonly keywords?: readonly string[];
  readonly featuredImage?: Image | null;
  readonly commentsEnabled?: boolean;
}

/** A transition either yields the next value or says, with a stable code, why it refused. */
export type Transition =
  | { readonly ok: true; readonly article: Article }
  | {
      readonly ok: false;
      readonly code: RefusalCode;
      readonly message: string;
      readonly problems?: FieldProblem[];
    };

export type RefusalCode =
  | 'invalid'
  | 'already_published'
  | 'not_published'
  | 'schedule_in_past'
  | 'not_scheduled_then';

interface At {
  readonly at: Date;
}

/** Creates a draft from the newsroom's input. Ids are given by the repository on insert (0 until then). */
export function createDraft(input: ArticleInput, { at }: At): Transition {
  const article: Article = {
    id: 0,
    siteId: input.siteId,
    sectionId: input.sectionId,
    slug: input.slug ?? slugify(input.headline ?? ''),
    headline: input.headline,
    summary: input.summary ?? '',
    body: input.body ?? [],
    tagIds: input.tagIds ?? [],
    authorIds: input.authorIds ?? [],
    agencyId: input.agencyId ?? null,
    rightsLine: input.rightsLine ?? null,
    bylineText: input.bylineText ?? null,
    datelinePlace: input.datelinePlace ?? null,
    keywords: input.keywords ?? [],
    featuredImage: input.featuredImage ?? null,
    status: 'draft',
    publishedAt: null,
    updatedAt: null,
    commentsEnabled: input.commentsEnabled ?? true,
    revision: 0,
    createdAt: at,
    modifiedAt: at,
    // Set by the repository on insert, from the saving staff user.
    createdBy: null,
  };
  return checked(article);
}

/**
 * Applies the newsroom's changes. A published article edited with `announce` shows "Updated" to
 * readers; silent fixes (a typo) leave the visible update time alone.
 */
export function edit(
  article: Article,
  changes: Partial<Omit<ArticleInput, 'siteId'>>,
  { at, announce = false }: At & { announce?: boolean },
): Transition {
  const next: Article = {
    ...article,
    ...definedOnly(changes),
    modifiedAt: at,
    updatedAt: announce && article.status === 'published' ? at : article.updatedAt,
  };
  return checked(next);
}

/** Publishes now. An article that was published before keeps its first publication time. */
export function publish(article: Article, { at }: At): Transition {
  if (article.status === 'published') {
    return refuse('already_published', 'This article is already published.');
  }
  const firstTime = article.status === 'unpublished' ? article.publishedAt : null;
  return checked({
    ...article,
    status: 'published',
    publishedAt: firstTime ?? at,
    updatedAt: firstTime ? at : article.updatedAt,
    modifiedAt: at,
  });
}

/** Schedules publication for a future instant. */
export function schedule(article: Article, { at, for: when }: At & { for: Date }): Transition {
  if (article.status === 'published') {
    return refuse('already_published', 'This article is already published; unpublish it first.');
  }
  if (when.getTime() <= at.getTime()) {
    return refuse('schedule_in_past', 'The scheduled time must be in the future.');
  }
  return checked({ ...article, status: 'scheduled', publishedAt: when, modifiedAt: at });
}

/**
 * Makes a scheduled article's publication final once its time has come, keeping that time as
 * its publication time (readers have seen it since then). Refused when the article is no longer
 * scheduled for `scheduledFor` (rescheduled, published by hand, taken down): the job that asked
 * is stale, not wrong.
 */
export function publishDue(article: Article, { at, scheduledFor }: At & { scheduledFor: Date }): Transition {
  const scheduled =
    article.status === 'scheduled' && article.publishedAt?.getTime() === scheduledFor.getTime();
  if (!scheduled || scheduledFor.getTime() > at.getTime()) {
    return refuse('not_scheduled_then', `This article is not scheduled for ${scheduledFor.toISOString()}.`);
  }
  return checked({ ...article, status: 'published', modifiedAt: at });
}

/**
 * Takes a published article off the site; its URL then answers 410 Gone. A scheduled article
 * can be taken down too: once its time has come readers have seen it (so it is unpublished, and
 * answers 410); before that it goes back to being a draft.
 */
export function unpublish(article: Article, { at }: At): Transition {
  if (article.status === 'scheduled' && article.publishedAt && article.publishedAt.getTime() > at.getTime()) {
    return { ok: true, article: { ...article, status: 'draft', publishedAt: null, modifiedAt: at } };
  }
  if (article.status !== 'published' && article.status !== 'scheduled') {
    return refuse('not_published', 'Only a published or scheduled article can be unpublished.');
  }
  return { ok: true, article: { ...article, status: 'unpublished', modifiedAt: at } };
}

/**
 * Takes an article down whether it is live or still waiting for its time (a wire kill, a rights
 * expiry): a scheduled article must not come out later either.
 */
export function withdraw(article: Article, { at }: At): Transition {
  // A draft too: wire copy the desk opened in the editor is retired by the agency's kill.
  if (article.status === 'unpublished') {
    return refuse('not_published', 'Only a published, scheduled or draft article can be withdrawn.');
  }
  return { ok: true, article: { ...article, status: 'unpublished', modifiedAt: at } };
}

/** Readers see an article that is published, or scheduled for a time that has come. */
export function isVisible(article: Pick<Article, 'status' | 'publishedAt'>, now: Date): boolean {
  if (article.publishedAt === null) return false;
  const due = article.publishedAt.getTime() <= now.getTime();
  return due && (article.status === 'published' || article.status === 'scheduled');
}

/** "Peace Talks Resume in Geneva!" → "peace-talks-resume-in-geneva". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

function refuse(code: RefusalCode, message: string, problems?: FieldProblem[]): Transition {
  return { ok: false, code, message, ...(problems ? { problems } : {}) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checked(article: Article): Transition {
  const problems = validateArticle(article);
  if (problems.length > 0) {
    return refuse('invalid', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  return { ok: true, article };
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Field-level problems with an article, empty when it may be stored. */
export function validateArticle(article: Article): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const headline = article.headline?.trim() ?? '';
  if (headline.length === 0) problems.push({ field: 'headline', message: 'is required' });
  if (headline.length > 300) problems.push({ field: 'headline', message: 'must be at most 300 characters' });
  if (!slugPattern.test(article.slug) || article.slug.length > 120) {
    problems.push({ field: 'slug', message: 'must be lower-case letters, digits and single hyphens' });
  }
  if (article.summary.length > 1000)
    problems.push({ field: 'summary', message: 'must be at most 1000 characters' });
  if (!Number.isInteger(article.sectionId) || article.sectionId <= 0) {
    problems.push({ field: 'sectionId', message: 'is required' });
  }
  if (article.rightsLine !== null && article.rightsLine.length > 300) {
    problems.push({ field: 'rightsLine', message: 'must be at most 300 characters' });
  }
  if (article.bylineText !== null && article.bylineText.length > 200) {
    problems.push({ field: 'bylineText', message: 'must be at most 200 characters' });
  }
  if (article.datelinePlace !== null && article.datelinePlace.length > 100) {
    problems.push({ field: 'datelinePlace', message: 'must be at most 100 characters' });
  }
  if (new Set(article.tagIds).size !== article.tagIds.length) {
    problems.push({ field: 'tagIds', message: 'lists a tag twice' });
  }
  if (new Set(article.authorIds).size !== article.authorIds.length) {
    problems.push({ field: 'authorIds', message: 'lists an author twice' });
  }
  article.body.forEach((block, index) => {
    const problem = validateBlock(block);
    if (problem) problems.push({ field: `body[${index}]`, message: problem });
  });
  if (article.featuredImage && !isSafeUrl(article.featuredImage.src)) {
    problems.push({ field: 'featuredImage.src', message: 'must be an http(s) URL or a path on this site' });
  }
  return problems;
}

function validateBlock(block: Block): string | null {
  if (!block || !blockTypes.includes(block.type)) return `type must be one of ${blockTypes.join(', ')}`;
  switch (block.type) {
    case 'paragraph':
    case 'subhead':
    case 'quote':
      return typeof block.text === 'string' && block.text.trim() !== '' ? null : 'text is required';
    case 'list':
      return Array.isArray(block.items) && block.items.every((item) => typeof item === 'string')
        ? null
        : 'items must be a list of text';
    case 'image':
      return isSafeUrl(block.src) ? null : 'src must be an http(s) URL or a path on this site';
    case 'embed':
      return isSafeUrl(block.url) && block.url.startsWith('http') ? null : 'url must be an http(s) URL';
  }
}

/** Only http(s) and site-relative URLs may reach an href or src: never javascript: or data:. */
export function isSafeUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return false;
  if (value.startsWith('/') && !value.startsWith('//')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
