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

/** The durable job queue (platform/jobs). */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** At most one pending job per key (a partial unique index). */
  key: string | null;
  payload: Json;
  status: 'pending' | 'running' | 'done' | 'failed';
  run_at: Timestamp;
  attempts: number;
  max_attempts: number;
  /** While running: the lease; past it, another worker may claim the job. */
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
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
  jobs: JobsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  article_localities: ArticleLocalitiesTable;
  newsletter_settings: NewsletterSettingsTable;
  newsletter_editions: NewsletterEditionsTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
}

/** One newsletter reader per address (lower-cased), with the place their ZIP names. */
export interface NewsletterSubscribersTable {
  id: Generated<number>;
  email: string;
  zip: string | null;
  /** Two-letter state code, e.g. "NY". */
  place_state: string | null;
  place_county: string | null;
  place_city: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Set after a permanent failure (5xx) or a bounce report: nothing is sent to the address again. */
  suppressed_at: Timestamp | null;
  suppressed_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A reader's subscription to one brand's daily edition (double opt-in). */
export interface NewsletterSubscriptionsTable {
  subscriber_id: number;
  site_id: number;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  unsubscribed_at: Timestamp | null;
}

/** Where an article is local news: a state, optionally narrowed to a county or a city. */
export interface ArticleLocalitiesTable {
  id: Generated<number>;
  article_id: number;
  state: string;
  county: string | null;
  city: string | null;
}

/** A brand's daily edition: when it goes out (HH:MM in the brand's zone) and whether by itself. */
export interface NewsletterSettingsTable {
  site_id: number;
  send_time: string;
  auto_send: number;
  updated_at: Timestamp;
}

/** One brand's edition of one day. */
export interface NewsletterEditionsTable {
  id: Generated<number>;
  site_id: number;
  /** YYYY-MM-DD in the brand's time zone. */
  edition_date: string;
  status: 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
  subject: string;
  intro: string;
  /** The top stories, in order. */
  article_ids: Json;
  send_at: Timestamp | null;
  /** 1 once the send log holds a row for every recipient. */
  audience_ready: ColumnType<number, number | undefined, number>;
  /** The one sender at work on it holds this lease (renewed while it runs). */
  locked_by: string | null;
  locked_until: Timestamp | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The send log: one row per edition and subscriber, so nobody gets an edition twice. */
export interface NewsletterDeliveriesTable {
  edition_id: number;
  subscriber_id: number;
  /** queued → sending (handed to SMTP) → sent; retry (4xx) → …; failed (5xx, given up); suppressed. */
  status: 'queued' | 'sending' | 'sent' | 'retry' | 'failed' | 'suppressed';
  attempts: number;
  next_attempt_at: Timestamp | null;
  message_id: string | null;
  last_error: string | null;
  updated_at: Timestamp;
}
