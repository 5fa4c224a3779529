/** The community's values: readers, comments, settings. Immutable; times are Dates. */

export interface Reader {
  readonly id: number;
  readonly email: string;
  /** null until the reader chooses one (they cannot comment before). */
  readonly displayName: string | null;
  readonly guidelinesAcceptedAt: Date | null;
  readonly notifyReplies: boolean;
  readonly suspendedUntil: Date | null;
  readonly bannedAt: Date | null;
  readonly createdAt: Date;
}

/** What a reader's account allows now. */
export type Standing =
  | { readonly kind: 'good' }
  | { readonly kind: 'suspended'; readonly until: Date }
  | { readonly kind: 'banned' };

export function standingOf(reader: Reader, now: Date): Standing {
  if (reader.bannedAt) return { kind: 'banned' };
  if (reader.suspendedUntil && reader.suspendedUntil.getTime() > now.getTime()) {
    return { kind: 'suspended', until: reader.suspendedUntil };
  }
  return { kind: 'good' };
}

/** A reader may comment once they have a display name and accepted the guidelines. */
export function profileComplete(reader: Reader): boolean {
  return reader.displayName !== null && reader.guidelinesAcceptedAt !== null;
}

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'deleted';

export interface Comment {
  readonly id: number;
  readonly siteId: number;
  readonly articleId: number;
  readonly readerId: number | null;
  /** The author's display name (null when the account was deleted). */
  readonly authorName: string | null;
  readonly parentId: number | null;
  readonly threadId: number | null;
  readonly body: string;
  readonly status: CommentStatus;
  readonly holdReason: string | null;
  readonly likeCount: number;
  readonly reportCount: number;
  readonly createdAt: Date;
  readonly editedAt: Date | null;
}

export type ModerationMode = 'pre' | 'post';

export interface CommunitySettings {
  readonly siteId: number;
  readonly moderationMode: ModerationMode;
  /** The brand's own words to hold, lower case, beside the profanity library's. */
  readonly bannedWords: readonly string[];
  /** null: the default guidelines. */
  readonly guidelines: Guidelines | null;
}

export interface Guidelines {
  readonly title: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

export type CommentSort = 'newest' | 'oldest' | 'liked';
export const commentSorts: readonly CommentSort[] = ['newest', 'oldest', 'liked'];

export const reportReasons = {
  abusive: 'Abusive or harassing',
  spam: 'Spam or advertising',
  offtopic: 'Off topic',
  misinformation: 'False or misleading',
  personal: 'Shares personal information',
  other: 'Something else',
} as const;
export type ReportReason = keyof typeof reportReasons;

export const commentLimits = {
  maxLength: 5000,
  /** A reader may change or take back their words this long after posting. */
  editWindowMs: 5 * 60 * 1000,
  displayNameMax: 40,
  reportNoteMax: 500,
};
