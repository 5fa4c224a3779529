/**
 * Wire ingestion as an ordered list of small phases. Each item of a file runs through them in
 * turn; any phase may settle it (a duplicate, an expired licence) and the rest are skipped.
 */

import type { ParsedFile } from '../wire-item.ts';
import { classify } from './classify.ts';
import { dedupe } from './dedupe.ts';
import { embargo } from './embargo.ts';
import { normalize } from './normalize.ts';
import { parse } from './parse.ts';
import { persist } from './persist.ts';
import {
  type Draft,
  type IngestContext,
  type IngestOutcome,
  type ItemPhase,
  isOutcome,
  outcome,
} from './types.ts';

/**
 * After `parse` (which turns the file into items or refusals), in this order:
 *
 * - `normalize` first, so every later phase sees the item as the content model will store it
 *   (clamped texts, an agency, a rights line) whatever format it came in.
 * - `dedupe` before anything costly or written: a duplicate stops here, and whether the item
 *   creates, updates, kills or queues decides what the later phases do.
 * - `embargo` after dedupe, because a kill must act at once whatever its times, and an update
 *   to a live article may move its embargo; before classify, so an expired licence costs nothing more.
 * - `classify` late: it reads the mapping table and section rules, needed only by items that
 *   will make or change an article.
 * - `persist` last and alone in writing, in one transaction with the article.
 */
export const itemPhases: readonly ItemPhase[] = [normalize, dedupe, embargo, classify, persist];

/** Runs one file through the phases; one outcome per item, and one per refusal. */
export async function runPipeline(ctx: IngestContext): Promise<IngestOutcome[]> {
  return runParsed(ctx, parse(ctx.file));
}

/** Runs a file already parsed (a batch parses before its transaction opens). */
export async function runParsed(ctx: IngestContext, parsed: ParsedFile): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (const refusal of parsed.refusals) {
    // Refusals are quarantined with the original, so the desk can see what came and why.
    const id = await ctx.store.insert({
      sourceId: ctx.source.id,
      siteId: ctx.site.id,
      item: null,
      status: 'refused',
      headline: ctx.file.name,
      articleId: null,
      fileName: ctx.file.name,
      original: parsed.items.length === 0 ? Buffer.from(ctx.file.bytes).toString('utf8') : null,
      originalSize: ctx.file.bytes.byteLength,
      refusal: { code: refusal.code, reason: refusal.reason },
      at: ctx.now,
    });
    outcomes.push(
      outcome(ctx, null, 'refused', { reason: refusal.reason, refusalCode: refusal.code, wireItemId: id }),
    );
  }
  for (const item of parsed.items) outcomes.push(await runItem({ item }, ctx));
  return outcomes;
}

/** Runs one item through the phases after parse. */
export async function runItem(start: Draft, ctx: IngestContext): Promise<IngestOutcome> {
  let draft = start;
  for (const phase of itemPhases) {
    const result = await phase(draft, ctx);
    if (isOutcome(result)) return result;
    draft = result;
  }
  throw new Error('the persist phase settles every item');
}
