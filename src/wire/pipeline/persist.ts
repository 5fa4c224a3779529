/**
 * Phase 6: the one write. The article (through ContentService, so page cache, feeds, sitemaps
 * and search follow) and the wire item row are written in one transaction: a crash leaves
 * neither, and the unique (site, guid, version) index makes a second ingest of the same
 * version fail here rather than make a second article.
 */
import type { Kysely } from 'kysely';
import { type ArticleInput, type ContentService, slugify, systemActor } from '../../content/index.ts';
import type { Database } from '../../platform/database/schema.ts';
import { WireError } from '../errors.ts';
import { createWireStore, type WireStore } from '../wire-store.ts';
import type { Draft, IngestContext, IngestOutcome, PhaseResult } from './types.ts';
import { outcome } from './types.ts';

export async function persist(draft: Draft, ctx: IngestContext): Promise<PhaseResult> {
  const { item } = draft;
  // In a batch the transaction is the batch's; alone, the item gets its own.
  const inTransaction = <T>(work: (content: ContentService, db: Kysely<Database>) => Promise<T>) =>
    ctx.batch ? work(ctx.content, ctx.batch.db) : ctx.content.transaction(work);
  try {
    return await inTransaction(async (content, db) => {
      // A batch's store already writes through its transaction (and keeps its compiled insert).
      const store = ctx.batch ? ctx.store : createWireStore(db);
      const row = (status: Parameters<typeof store.insert>[0]['status'], articleId: number | null) =>
        record(store, ctx, draft, status, articleId);

      // An older version still waiting for the desk leaves the queue with this one's arrival.
      if (draft.action !== 'kill' && draft.previous?.status === 'queued' && ctx.queuedId === undefined) {
        await store.supersedeQueued(ctx.site.id, item.guid, item.version, ctx.now);
      }

      if (draft.action === 'queue') {
        const id = await row('queued', null);
        return outcome(ctx, item, 'queued', { wireItemId: id });
      }

      if (draft.action === 'kill') {
        const articleId = draft.articleId ?? null;
        if (articleId !== null) {
          const article = await content.articles.findById(articleId);
          if (article && article.status !== 'unpublished') {
            await content.withdrawArticle(articleId, systemActor);
          }
        }
        const id = await row('killed', articleId);
        // Earlier versions still waiting for the desk leave the queue with the kill.
        await store.killQueued(ctx.site.id, item.guid, ctx.now);
        return outcome(ctx, item, 'killed', { articleId, wireItemId: id });
      }

      const input = await articleInput(content, ctx, draft);
      const status = draft.publishAt ? 'scheduled' : 'published';
      if (draft.action === 'update' && draft.articleId) {
        const current = await content.articles.findById(draft.articleId);
        if (current && current.status !== 'unpublished') {
          const { siteId: _site, ...changes } = input;
          let saved = await content.editArticle(current.id, changes, {
            ...systemActor,
            expectedRevision: current.revision,
            announce: true,
          });
          // The desk's draft stays a draft: the newer copy lands in the editor, not on the site.
          if (current.status === 'draft') {
            const id = await row('drafted', saved.id);
            return outcome(ctx, item, 'updated', { articleId: saved.id, wireItemId: id });
          }
          saved = await settleTiming(content, saved.id, saved.status, draft.publishAt ?? null);
          const id = await row(saved.status === 'scheduled' ? 'scheduled' : 'published', saved.id);
          return outcome(ctx, item, 'updated', { articleId: saved.id, wireItemId: id });
        }
        // The article was taken down by the desk since: the update waits for a person.
        const id = await row('ignored', draft.articleId);
        return outcome(ctx, item, 'ignored', {
          articleId: draft.articleId,
          wireItemId: id,
          reason: 'the article was unpublished by the desk; the update was not applied',
        });
      }

      if (ctx.asDraft) {
        const saved = await content.createArticle(input, systemActor);
        const id = await row('drafted', saved.id);
        return outcome(ctx, item, 'drafted', { articleId: saved.id, wireItemId: id });
      }
      const saved = await content.createArticle(input, systemActor, { publish: draft.publishAt ?? 'now' });
      const id = await row(status, saved.id);
      return outcome(ctx, item, saved.status === 'scheduled' ? 'scheduled' : 'published', {
        articleId: saved.id,
        wireItemId: id,
      });
    });
  } catch (error) {
    // A batch cannot roll back one item alone: it is retried item by item, where this applies.
    // A queued item decided twice at once (PostgreSQL reports the second article's clash first).
    if (isUniqueViolation(error) && ctx.queuedId !== undefined) {
      throw new WireError.Conflict(
        `Wire item ${ctx.queuedId} was decided meanwhile; it is no longer queued.`,
      );
    }
    if (isUniqueViolation(error) && !ctx.batch) {
      const articleId = await ctx.store.articleFor(ctx.site.id, item.guid);
      return outcome(ctx, item, 'duplicate', {
        articleId,
        reason: `version ${item.version} was received meanwhile`,
      });
    }
    throw error;
  }
}

async function record(
  store: Pick<WireStore, 'insert' | 'takeQueued'>,
  ctx: IngestContext,
  draft: Draft,
  status: Parameters<WireStore['insert']>[0]['status'],
  articleId: number | null,
): Promise<number> {
  if (ctx.queuedId !== undefined) {
    // Two desk decisions on one item: the second finds it gone and its article rolls back.
    if (!(await store.takeQueued(ctx.queuedId, status, ctx.now, articleId))) {
      throw new WireError.Conflict(
        `Wire item ${ctx.queuedId} was decided meanwhile; it is no longer queued.`,
      );
    }
    return ctx.queuedId;
  }
  return store.insert({
    sourceId: ctx.source.id,
    siteId: ctx.site.id,
    item: draft.item,
    status,
    headline: draft.item.headline,
    articleId,
    fileName: ctx.file.name,
    original: textOf(ctx.file.bytes),
    originalSize: ctx.file.bytes.byteLength,
    decisionReason: draft.decision?.reason ?? null,
    at: ctx.now,
  });
}

async function articleInput(
  content: ContentService,
  ctx: IngestContext,
  draft: Draft,
): Promise<ArticleInput> {
  const { item } = draft;
  const agencyId = item.agency ? await agencyIdOf(content, ctx, item.agency) : null;
  const named = [];
  for (const name of draft.tagNames ?? []) {
    if (slugify(name) !== '') named.push(await tagIdOf(content, ctx, name));
  }
  const tagIds = [...new Set([...(draft.tagIds ?? []), ...named])];
  return {
    siteId: ctx.site.id,
    sectionId: draft.sectionId!,
    headline: item.headline,
    slug: slugify(item.headline) || 'wire-item',
    summary: item.summary,
    body: item.body,
    tagIds,
    agencyId,
    rightsLine: item.rightsLine,
    bylineText: item.byline,
    datelinePlace: item.dateline,
    keywords: item.keywords,
  };
}

/** Agencies and tags are found by slug, as the taxonomy does; a batch asks once per slug. */
async function agencyIdOf(content: ContentService, ctx: IngestContext, name: string): Promise<number> {
  const key = slugify(name);
  const known = ctx.batch?.agencies.get(key);
  if (known !== undefined) return known;
  const { id } = await content.taxonomy.findOrCreateAgency(ctx.site.id, name);
  ctx.batch?.agencies.set(key, id);
  return id;
}

async function tagIdOf(content: ContentService, ctx: IngestContext, name: string): Promise<number> {
  const key = slugify(name);
  const known = ctx.batch?.tags.get(key);
  if (known !== undefined) return known;
  const { id } = await content.taxonomy.findOrCreateTag(ctx.site.id, name);
  ctx.batch?.tags.set(key, id);
  return id;
}

/** Publishes now or schedules for the embargo, from whatever state the article is in. */
async function settleTiming(content: ContentService, id: number, status: string, publishAt: Date | null) {
  if (publishAt) {
    if (status === 'published') await content.withdrawArticle(id, systemActor);
    return content.scheduleArticle(id, publishAt, systemActor);
  }
  if (status === 'published') return (await content.articles.findById(id))!;
  return content.publishArticle(id, systemActor);
}

function textOf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (
    code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(message ?? '')
  );
}

export type { IngestOutcome };
