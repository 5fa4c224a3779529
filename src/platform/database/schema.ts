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
  /** The byline as the copy gives it ("By Jane Doe"), for wire copy without staff authors (0018). */
  byline_text: string | null;
  /** Where the story was filed from ("London"): the dateline's lead-in (0018). */
  dateline_place: string | null;
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
  /** The article's published_at, kept with the row so tag pages read one index (0017). */
  published_at: Timestamp | null;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
  /** The article's published_at, kept with the row so author pages read one index (0017). */
  published_at: Timestamp | null;
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
  /** 1: the account cannot sign in (migration 0006). */
  disabled: ColumnType<number, number | undefined, number>;
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
  /** While running: which process holds the lease (only it renews the lease and records the outcome). */
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Named leases for work that one node at a time must do (the wire ingest loop). */
export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: Timestamp;
}

/** Surrogate keys waiting to be purged at the CDN (platform/cdn). */
export interface CdnPurgeKeysTable {
  key: string;
  /** Bumped when the key is queued again, so an earlier purge in flight leaves it queued. */
  generation: ColumnType<number, number | undefined, number>;
  queued_at: Timestamp;
}

/** A site's live TV channel (at most one per site). */
export interface LiveChannelsTable {
  id: Generated<number>;
  site_id: number;
  name: string;
  stream_url: string;
  backup_url: string | null;
  poster_url: string | null;
  on_air: Flag;
  updated_at: Timestamp;
}

/** A programme's first (or only) airing; 'weekly' ones repeat at the same local wall-clock time. */
export interface LiveProgrammesTable {
  id: Generated<number>;
  site_id: number;
  title: string;
  description: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  host: string | null;
  image_url: string | null;
  recurrence: 'none' | 'weekly';
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Where wire items come from: a drop folder or a feed URL, for one site. */
export interface WireSourcesTable {
  id: Generated<number>;
  name: string;
  site_id: number;
  /** 'auto' (detect per file) or one wire format. */
  format: string;
  kind: 'folder' | 'feed' | 'manual';
  /** The folder's path or the feed's URL ('' for manual ingest). */
  location: string;
  poll_seconds: number;
  default_section_id: number | null;
  /** `[{ "subject": "medtop:15000000", "section": "sport" }, { "keyword": "Ukraine", "section": "world" }]` */
  section_rules: Json;
  default_rights_line: string | null;
  /** `[{ "subject": "medtop:15000000", "decision": "publish" }, { "keyword": "politics", "decision": "review" }]` (0021). */
  publish_rules: Json;
  auto_publish: Flag;
  enabled: Flag;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: Timestamp | null;
  /** Consecutive failed polls (backoff grows with them). */
  failures: number;
  last_error: string | null;
  created_at: Timestamp;
}

/** One received version of a wire item, or one refused file. */
export interface WireItemsTable {
  id: Generated<number>;
  source_id: number;
  site_id: number;
  guid: string | null;
  version: number | null;
  status:
    | 'queued'
    | 'published'
    | 'scheduled'
    | 'ignored'
    | 'refused'
    | 'killed'
    | 'expired'
    /** Turned into a draft article by the desk (`article_id`), out of the queue (0021). */
    | 'drafted'
    /** Left the queue because a newer version of its guid arrived (0021). */
    | 'superseded';
  pub_status: string | null;
  headline: string;
  article_id: number | null;
  /** The normalized WireItem, for the desk's preview and a later publish. */
  item: Json | null;
  embargo_at: Timestamp | null;
  licence_end_at: Timestamp | null;
  file_name: string;
  /** The file as received (text), for the desk; null when too large to keep. */
  original: string | null;
  original_size: number;
  refusal_code: string | null;
  refusal_reason: string | null;
  /** IPTC urgency, 1 (most urgent) to 9; null when the item gives none (0018). */
  urgency: number | null;
  /** The agency's name as the item gives it (normalized), for the desk's filter (0018). */
  agency: string | null;
  /** Why the item was queued or published on arrival: the source's setting or a rule (0021). */
  decision_reason: string | null;
  received_at: Timestamp;
  decided_at: Timestamp | null;
}

/** A source's agency subject code or keyword → the site's tag (null tag: drop it). */
export interface WireMappingsTable {
  id: Generated<number>;
  source_id: number;
  kind: 'subject' | 'keyword';
  value: string;
  tag_id: number | null;
}

/** An upload to the media library; its renditions are files named by `hash` (content/media-image.ts). */
export interface MediaTable {
  id: Generated<number>;
  site_id: number;
  hash: string;
  original_name: string;
  /** The uploaded file's format, as sniffed from its bytes: jpeg, png, webp, gif, avif, tiff. */
  format: string;
  /** The original's size, upright (after EXIF orientation). */
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** `[{width, height, format, url, bytes}]`. */
  sizes: Json;
  uploaded_by: number | null;
  created_at: Timestamp;
}

/** A brand's curated home-page top stories, in order. */
export interface HomeCurationsTable {
  site_id: number;
  /** number[] */
  article_ids: Json;
  updated_at: Timestamp;
}

/** A section's former path (before a slug change) that answers 301 to the section. */
export interface SectionRedirectsTable {
  site_id: number;
  old_path: string;
  section_id: number;
}

/** A tag's former slug (renamed, or merged into another tag) that answers 301 to the tag. */
export interface TagRedirectsTable {
  site_id: number;
  old_slug: string;
  tag_id: number;
}

/** An emailed password-reset link: single use, expiring; only the SHA-256 of its token is kept. */
export interface PasswordResetsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A correction appended to a published article, dated. */
export interface ArticleCorrectionsTable {
  id: Generated<number>;
  article_id: number;
  text: string;
  created_at: Timestamp;
  created_by: number | null;
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
  /** The edition whose unsubscribe link ended it (null: another way, or before 0011). */
  unsubscribed_edition_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One recipient of a bounce report: hard (suppressed) or soft (counted). */
export interface NewsletterBouncesTable {
  id: Generated<number>;
  /** The report's Message-ID (or a hash of it): the same report counts once. */
  report_id: string;
  subscriber_id: number;
  edition_id: number | null;
  kind: 'hard' | 'soft';
  /** The RFC 3463 status, e.g. 5.1.1. */
  status: string | null;
  diagnostic: string | null;
  received_at: Timestamp;
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
  leases: LeasesTable;
  cdn_purge_keys: CdnPurgeKeysTable;
  live_channels: LiveChannelsTable;
  live_programmes: LiveProgrammesTable;
  wire_sources: WireSourcesTable;
  wire_items: WireItemsTable;
  wire_mappings: WireMappingsTable;
  media: MediaTable;
  home_curations: HomeCurationsTable;
  section_redirects: SectionRedirectsTable;
  tag_redirects: TagRedirectsTable;
  password_resets: PasswordResetsTable;
  article_corrections: ArticleCorrectionsTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  article_localities: ArticleLocalitiesTable;
  newsletter_settings: NewsletterSettingsTable;
  newsletter_editions: NewsletterEditionsTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  newsletter_bounces: NewsletterBouncesTable;
  readers: ReadersTable;
  reader_sign_in_links: ReaderSignInLinksTable;
  reader_sessions: ReaderSessionsTable;
  community_settings: CommunitySettingsTable;
  comments: CommentsTable;
  comment_likes: CommentLikesTable;
  comment_reports: CommentReportsTable;
  comment_reply_notifications: CommentReplyNotificationsTable;
}
