import { CommunityError } from '../errors.ts';
import { type Phase, pass } from './phase.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Whether an article takes comments now: on for the article, and not past the brand's limit. */
export function commentsOpen(
  article: { commentsEnabled: boolean; publishedAt: Date | null },
  closeAfterDays: number | null,
  now: Date,
): boolean {
  if (!article.commentsEnabled) return false;
  if (closeAfterDays === null || !article.publishedAt) return true;
  return now.getTime() < article.publishedAt.getTime() + closeAfterDays * dayMs;
}

/** A closed thread refuses new comments and edits (but the reader's text is kept in the form). */
export const closedPhase: Phase = {
  name: 'closed',
  check({ article, settings, now }) {
    if (commentsOpen(article, settings.closeAfterDays, now)) return pass;
    return {
      kind: 'refuse',
      error: new CommunityError.CommentsClosed('Comments are closed for this article; nothing was posted.'),
    };
  },
};
