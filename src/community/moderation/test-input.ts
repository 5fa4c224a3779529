import type { Reader } from '../model.ts';
import type { PhaseInput, RecentActivity } from './phase.ts';

export const NOW = new Date('2025-10-21T12:05:00.000Z');

export const goodReader: Reader = {
  id: 1,
  email: 'reader@example.com',
  displayName: 'Reader',
  guidelinesAcceptedAt: NOW,
  notifyReplies: false,
  suspendedUntil: null,
  bannedAt: null,
  createdAt: new Date('2025-01-01T00:00:00Z'),
};

/** A phase input with sensible defaults: a good reader, an open article, post-moderation. */
export function input(
  overrides: Partial<Omit<PhaseInput, 'recent' | 'approvedCount'>> & {
    recent?: Partial<RecentActivity>;
    approved?: number;
  } = {},
): PhaseInput {
  const { recent, approved, ...rest } = overrides;
  return {
    reader: goodReader,
    body: 'A fair point about the summit.',
    now: NOW,
    article: { id: 10, commentsEnabled: true, publishedAt: new Date('2025-10-20T08:00:00Z') },
    settings: { siteId: 1, moderationMode: 'post', bannedWords: [], guidelines: null, closeAfterDays: null },
    recent: async () => ({ byReader: [], byIpInLastMinute: 0, ...recent }),
    approvedCount: async () => approved ?? 10,
    ...rest,
  };
}
