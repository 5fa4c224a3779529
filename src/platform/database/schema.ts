import type { ColumnType, Generated } from 'kysely';

/** Times are written as ISO-8601 UTC strings; PostgreSQL reads them back as Date, SQLite as text. */
export type Timestamp = ColumnType<Date | string, string, string>;
/** JSON is written as text; PostgreSQL (jsonb) reads it back parsed, SQLite as text. */
export type Json = ColumnType<unknown, string, string>;
/** Flags are 0/1 integers on both dialects, so one migration fits both. */
export type Flag = ColumnType<number | boolean, number, number>;

export interface SitesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  tagline: string;
  time_zone: string;
  locale: string;
  company: string;
  logo_url: string;
  trademark_text: string;
  navigation: Json;
  is_default: Flag;
  comments_close_after_days: number | null;
  created_at: Timestamp;
}

export interface SiteHostsTable {
  host: string;
  site_id: number;
}

export interface SectionsTable {
  id: Generated<number>;
  site_id: number;
  parent_id: number | null;
  slug: string;
  /** "world" or "world/americas": unique per site, and the URL prefix of the section. */
  path: string;
  name: string;
  description: string;
  position: number;
}

export interface TagsTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  name: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  name: string;
  title: string;
  bio: string;
}

export interface AgenciesTable {
  id: Generated<number>;
  site_id: number;
  slug: string;
  name: string;
  url: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  site_id: number;
  section_id: number;
  slug: string;
  headline: string;
  summary: string;
  body: Json;
  agency_id: number | null;
  rights_line: string | null;
  keywords: Json;
  featured_image: Json;
  status: 'draft' | 'scheduled' | 'published' | 'unpublished';
  published_at: Timestamp | null;
  /** When the newsroom last changed a published story in a way readers should see ("Updated …"). */
  updated_at: Timestamp | null;
  comments_enabled: Flag;
  revision: number;
  created_at: Timestamp;
  modified_at: Timestamp;
  /** The staff user who created the article (null: the system, or a deleted account). */
  created_by: number | null;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  snapshot: Json;
  saved_by: number | null;
  saved_at: Timestamp;
}

export interface StaffUsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'writer' | 'moderator';
  password_hash: string;
  created_at: Timestamp;
}

/** A Content API key. Only the SHA-256 of the secret is kept; `prefix` identifies it to people. */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  prefix: string;
  /** null: the key reads every site. */
  site_id: number | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/**
 * One row per article readers can find (published, or scheduled: due-ness is checked at query
 * time), with the text as indexed. The full-text index itself is dialect-specific (`full-text.ts`).
 */
export interface SearchDocumentsTable {
  article_id: number;
  site_id: number;
  section_id: number;
  published_at: Timestamp;
  headline: string;
  summary: string;
  /** The body's readable text, one block per line. */
  body: string;
  /** `§site2 §section13 §tag85`: the sets a search can be narrowed to, indexed with the words. */
  facets: string;
}

/** A staff sign-in. Only the SHA-256 of the cookie's token is kept. */
export interface StaffSessionsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  csrf_token: string;
  created_at: Timestamp;
  /** Slides forward on use: 12 hours after the last request. */
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

/** Failed sign-ins per email (SHA-256 of the normalised address), whether or not it has an account. */
export interface LoginThrottlesTable {
  email_hash: string;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

/** Who did what, append-only. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  site_id: number | null;
  details: Json;
}

export interface Database {
  sites: SitesTable;
  site_hosts: SiteHostsTable;
  sections: SectionsTable;
  tags: TagsTable;
  authors: AuthorsTable;
  agencies: AgenciesTable;
  articles: ArticlesTable;
  article_tags: ArticleTagsTable;
  article_authors: ArticleAuthorsTable;
  article_revisions: ArticleRevisionsTable;
  staff_users: StaffUsersTable;
  search_documents: SearchDocumentsTable;
  api_keys: ApiKeysTable;
  staff_sessions: StaffSessionsTable;
  login_throttles: LoginThrottlesTable;
  audit_log: AuditLogTable;
  readers: ReadersTable;
  reader_sign_in_links: ReaderSignInLinksTable;
  reader_sessions: ReaderSessionsTable;
  community_settings: CommunitySettingsTable;
  comments: CommentsTable;
  comment_likes: CommentLikesTable;
  comment_reports: CommentReportsTable;
  comment_reply_notifications: CommentReplyNotificationsTable;
}

/** A reader account (one per email address for the whole publisher). */
export interface ReadersTable {
  id: Generated<number>;
  email: string;
  display_name: string | null;
  guidelines_accepted_at: Timestamp | null;
  notify_replies: Flag;
  suspended_until: Timestamp | null;
  banned_at: Timestamp | null;
  created_at: Timestamp;
}

/** An emailed sign-in link: SHA-256 of the token, single-use, expiring. */
export interface ReaderSignInLinksTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  site_id: number;
  return_path: string;
  ip_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A reader sign-in. Only the SHA-256 of the cookie's token is kept. */
export interface ReaderSessionsTable {
  id: Generated<number>;
  reader_id: number;
  token_hash: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

/** Per brand: moderation mode, the brand's banned words, its guidelines (null: the default). */
export interface CommunitySettingsTable {
  site_id: number;
  moderation_mode: 'pre' | 'post';
  banned_words: Json;
  guidelines: Json | null;
  updated_at: Timestamp;
}

export interface CommentsTable {
  id: Generated<number>;
  site_id: number;
  article_id: number;
  reader_id: number | null;
  parent_id: number | null;
  /** The top-level comment a reply belongs to; null for a top-level comment. */
  thread_id: number | null;
  body: string;
  status: 'pending' | 'approved' | 'rejected' | 'deleted';
  /** The moderation phase that held or a moderator's reason. */
  hold_reason: string | null;
  like_count: Generated<number>;
  report_count: Generated<number>;
  ip_hash: string;
  created_at: Timestamp;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  moderated_at: Timestamp | null;
  moderated_by: number | null;
}

export interface CommentLikesTable {
  comment_id: number;
  reader_id: number;
  created_at: Timestamp;
}

export interface CommentReportsTable {
  id: Generated<number>;
  comment_id: number;
  reader_id: number;
  reason: string;
  note: string;
  created_at: Timestamp;
}

/** A reply to announce by email: queued in the reply's transaction, claimed before sending. */
export interface CommentReplyNotificationsTable {
  comment_id: number;
  reader_id: number;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  created_at: Timestamp;
  sent_at: Timestamp | null;
}
