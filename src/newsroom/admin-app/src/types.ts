/**
 * The admin API's answers as the browser gets them: the content model's values, with dates as
 * ISO strings (JSON has no dates).
 */
import type {
  Agency,
  Article,
  ArticleStatus,
  ArticleSummary,
  Author,
  Block,
  Image,
  Revision,
  Section,
  Tag,
} from '../../../content/model.ts';
import type { StaffUser } from '../../staff-users.ts';

export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? readonly Json<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Json<T[K]> }
      : T;

export type { ArticleStatus, Block, Image };
export type ArticleJson = Json<Article>;
export type ArticleSummaryJson = Json<ArticleSummary>;
export type RevisionJson = Json<Revision>;
export type SectionJson = Json<Section>;
export type TagJson = Json<Tag>;
export type AuthorJson = Json<Author>;
export type AgencyJson = Json<Agency>;
export type StaffUserJson = Json<StaffUser> & { readonly disabled?: boolean };

export interface SiteJson {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly hosts: readonly string[];
  readonly isDefault: boolean;
  readonly timeZone: string;
  readonly locale: string;
}

export interface SessionJson {
  readonly user: StaffUserJson;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface ListJson<T> {
  readonly data: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The fields of an article the editor changes (what a PATCH may carry). */
export interface ArticleFields {
  readonly sectionId: number;
  readonly headline: string;
  readonly summary: string;
  readonly body: readonly Block[];
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly agencyId: number | null;
  readonly rightsLine: string | null;
  readonly bylineText: string | null;
  readonly datelinePlace: string | null;
  readonly keywords: readonly string[];
  readonly featuredImage: Image | null;
  readonly commentsEnabled: boolean;
}

export const fieldNames: readonly (keyof ArticleFields)[] = [
  'sectionId',
  'headline',
  'summary',
  'body',
  'tagIds',
  'authorIds',
  'agencyId',
  'rightsLine',
  'bylineText',
  'datelinePlace',
  'keywords',
  'featuredImage',
  'commentsEnabled',
];

export function fieldsOf(article: ArticleFields): ArticleFields {
  return Object.fromEntries(fieldNames.map((name) => [name, article[name]])) as unknown as ArticleFields;
}

/** A brand's live TV channel (GET/PUT /live/sites/:id/channel). */
export interface LiveChannelJson {
  readonly name: string;
  readonly streamUrl: string;
  readonly backupUrl: string | null;
  readonly posterUrl: string | null;
  readonly onAir: boolean;
}

export type Recurrence = 'none' | 'weekly';

/** A programme as entered (a weekly one once); times are ISO instants. */
export interface ProgrammeJson {
  readonly id: number;
  readonly siteId: number;
  readonly title: string;
  readonly description: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly host: string | null;
  readonly imageUrl: string | null;
  readonly recurrence: Recurrence;
}

export interface ProgrammeInputJson {
  readonly title: string;
  readonly description?: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly host?: string | null;
  readonly imageUrl?: string | null;
  readonly recurrence?: Recurrence;
}
