/**
 * The moderation screens' part of the admin API client (the community's admin routes): kept
 * beside the screens so the shared client stays small.
 */
import { request } from '../../api.ts';

export type Queue = 'pending' | 'reported' | 'rejected';
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'deleted';
export type Standing = 'good' | 'suspended' | 'banned';

export interface ArticleRefJson {
  readonly id: number;
  readonly headline: string;
  readonly discussionPath: string;
}

export interface CommentJson {
  readonly id: number;
  readonly siteId: number;
  readonly articleId: number;
  readonly readerId: number | null;
  readonly authorName: string | null;
  readonly parentId: number | null;
  readonly text: string;
  readonly status: CommentStatus;
  readonly holdReason: string | null;
  readonly likes: number;
  readonly reports: number;
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly article?: ArticleRefJson | null;
}

export interface QueueItemJson extends CommentJson {
  readonly authorStanding: Standing | null;
  readonly reportReasons: readonly { readonly reason: string; readonly count: number }[];
  readonly reportNotes: readonly string[];
}

export interface QueuePageJson {
  readonly data: readonly QueueItemJson[];
  readonly page: number;
  readonly hasMore: boolean;
  readonly counts: Readonly<Record<Queue, number>>;
}

export interface ReaderJson {
  readonly id: number;
  readonly email: string;
  readonly displayName: string | null;
  readonly createdAt: string;
  readonly suspendedUntil: string | null;
  readonly banned: boolean;
  readonly bannedAt: string | null;
}

export interface ModerationActionJson {
  readonly id: number;
  readonly at: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: number | null;
  readonly by: string | null;
  readonly details: Record<string, unknown>;
}

export interface ReaderHistoryJson {
  readonly reader: ReaderJson;
  readonly comments: Readonly<Record<CommentStatus, number>>;
  readonly reportsAgainst: number;
  readonly recent: readonly CommentJson[];
  readonly page: number;
  readonly hasMore: boolean;
  readonly actions: readonly ModerationActionJson[];
}

export interface CommunitySettingsJson {
  readonly siteId: number;
  readonly moderationMode: 'pre' | 'post';
  readonly bannedWords: readonly string[];
  readonly closeAfterDays: number | null;
}

/** The reasons a reader can give when reporting (the community's `reportReasons`). */
export const reportReasonLabels: Record<string, string> = {
  abusive: 'Abusive or harassing',
  spam: 'Spam or advertising',
  offtopic: 'Off topic',
  misinformation: 'False or misleading',
  personal: 'Shares personal information',
  other: 'Something else',
};

/** Why a moderation phase held a comment, in a moderator's words. */
export const holdReasonLabels: Record<string, string> = {
  'banned-words': 'Banned words',
  links: 'Links from a new account',
  premoderation: 'Pre-moderation',
};

export const moderationApi = {
  queue: (queue: Queue, siteId: number, page = 1) =>
    request<QueuePageJson>('GET', `/comments?queue=${queue}&site=${siteId}&page=${page}`),
  approve: (id: number) => request<CommentJson>('POST', `/comments/${id}/approve`),
  reject: (id: number, reason?: string) =>
    request<CommentJson>('POST', `/comments/${id}/reject`, reason ? { reason } : undefined),
  history: (readerId: number, page = 1) =>
    request<ReaderHistoryJson>('GET', `/readers/${readerId}${page > 1 ? `?page=${page}` : ''}`),
  suspend: (readerId: number, until: string, reason?: string) =>
    request<ReaderJson>('POST', `/readers/${readerId}/suspend`, reason ? { until, reason } : { until }),
  ban: (readerId: number, reason?: string) =>
    request<ReaderJson>('POST', `/readers/${readerId}/ban`, reason ? { reason } : undefined),
  reinstate: (readerId: number) => request<ReaderJson>('POST', `/readers/${readerId}/reinstate`),
  settings: (siteId: number) => request<CommunitySettingsJson>('GET', `/sites/${siteId}/community`),
  saveSettings: (siteId: number, settings: Omit<CommunitySettingsJson, 'siteId'>) =>
    request<CommunitySettingsJson>('PUT', `/sites/${siteId}/community`, settings),
};

/** Roles that hold `comments.moderate` and `community.manage` (PERMISSIONS.md). */
export const canManageCommunity = (role: string) => role === 'admin' || role === 'editor';

export function standingOf(reader: ReaderJson, now = Date.now()): Standing {
  if (reader.banned) return 'banned';
  if (reader.suspendedUntil && Date.parse(reader.suspendedUntil) > now) return 'suspended';
  return 'good';
}
