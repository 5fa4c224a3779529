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
}
