/**
 * Phase 4: when the article may appear. An embargo still ahead schedules it (the content
 * model shows scheduled articles only when due); a licence that has already ended means it
 * must not appear at all. Kills skip both: they act at once.
 */
import type { Draft, IngestContext, PhaseResult } from './types.ts';
import { outcome } from './types.ts';

export function embargo(draft: Draft, ctx: IngestContext): PhaseResult {
  if (draft.action === 'kill') return draft;
  const { item } = draft;
  if (item.licenceEnd && item.licenceEnd.getTime() <= ctx.now.getTime() && draft.action !== 'update') {
    return outcome(ctx, item, 'expired', {
      articleId: draft.articleId ?? null,
      reason: `the agency's licence ended at ${item.licenceEnd.toISOString()}`,
    });
  }
  const ahead = item.embargo && item.embargo.getTime() > ctx.now.getTime() ? item.embargo : null;
  return { ...draft, publishAt: ahead };
}
