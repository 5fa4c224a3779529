/**
 * Phase 3: what this version means given the versions already received for its guid on the
 * site. The same or an older version changes nothing; a newer one updates the article in place;
 * canceled or withheld takes it down. A kill is final: later versions of a killed item are ignored.
 * A new guid publishes or queues as the source and its publish rules decide (publish-rules.ts).
 */
import { decidePublishing } from './publish-rules.ts';
import type { Draft, IngestContext, PhaseResult } from './types.ts';
import { outcome } from './types.ts';

export async function dedupe(draft: Draft, ctx: IngestContext): Promise<PhaseResult> {
  const { item } = draft;
  const { latest: previous, articleId } = await ctx.store.history(ctx.site.id, item.guid);
  const kill = item.pubStatus !== 'usable';
  if (previous && ctx.queuedId === undefined && item.version <= previous.version!) {
    return outcome(ctx, item, 'duplicate', {
      articleId,
      reason: `version ${item.version} is not newer than version ${previous.version} already received`,
    });
  }
  if (previous?.status === 'killed' && !kill) {
    return outcome(ctx, item, 'ignored', {
      articleId,
      reason: 'the agency withdrew this item; a kill is final',
    });
  }
  if (kill) return { ...draft, previous, articleId, action: 'kill' };
  if (articleId !== null) return { ...draft, previous, articleId, action: 'update' };
  // A new item: the source's setting and its publish rules decide (the desk's publish overrides both).
  const decision = decidePublishing(item, ctx.source);
  const waits = !decision.publish && !ctx.forcePublish;
  return { ...draft, previous, articleId: null, action: waits ? 'queue' : 'create', decision };
}
