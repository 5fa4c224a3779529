/**
 * The route schemas of the Content API: Fastify validates parameters with them, serialises
 * responses with them, and @fastify/swagger turns them into the OpenAPI document. The objects
 * they answer with are in shared-schemas.ts.
 */
import type { FastifySchema } from 'fastify';
import { MAX_ID } from './cursor.ts';

export const slugPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';
const sectionPathPattern = '^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$';

/**
 * What each parameter must be, in words: validation errors say `name: must be <hint>`, so a
 * client sees what to send instead.
 */
export const parameterHints: Readonly<Record<string, string>> = {
  site: "a site's slug (lower-case letters, digits and hyphens), e.g. herald",
  section: 'a section path as GET /sections lists it, e.g. world or world/europe',
  tag: 'a tag slug as GET /tags lists it, e.g. climate',
  author: 'an author slug as GET /authors lists it',
  updated_since: 'an ISO 8601 date-time with a time zone, e.g. 2025-10-21T12:05:00Z',
  cursor: 'the next_cursor of the previous page, unchanged',
  limit: 'a whole number from 1 to 100',
  fields: 'a comma-separated list of article fields, e.g. id,url,headline',
  id: `an article id: a whole number from 1 to ${MAX_ID}`,
  slug: "an article's slug: lower-case letters, digits and single hyphens",
  q: 'the words to search for: 1 to 200 characters, no control characters',
  sort: 'relevance or newest',
  page: 'a whole number from 1 to 1000',
};

const siteParam = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: slugPattern,
  description:
    "The site's slug. Default: the key's site for a single-site key, else the site of the Host header.",
} as const;

const slugParam = (what: string) =>
  ({
    type: 'string',
    minLength: 1,
    maxLength: 200,
    pattern: slugPattern,
    description: what,
  }) as const;

const cursorParam = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Opaque: the `next_cursor` of the previous page. Leave it out to start at the beginning.',
} as const;

const limitParam = {
  type: 'integer',
  minimum: 1,
  maximum: 100,
  default: 20,
  description: 'Articles per page.',
} as const;

const fieldsParam = {
  type: 'string',
  minLength: 1,
  maxLength: 500,
  description:
    'Comma-separated article fields to return (id is always included), e.g. `id,url,headline`. Default: all.',
} as const;

const dateTime = { type: 'string', format: 'date-time' } as const;

const errors = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  429: { $ref: 'Error#' },
} as const;

const listOf = (name: string, itemSchema: object) => ({
  200: {
    type: 'object',
    properties: { data: { type: 'array', items: itemSchema } },
    required: ['data'],
    description: `The site's ${name}.`,
  },
  ...errors,
});

export interface SiteQuery {
  readonly site?: string;
}

export interface ArticleListQuery extends SiteQuery {
  readonly section?: string;
  readonly tag?: string;
  readonly author?: string;
  readonly updated_since?: string;
  readonly cursor?: string;
  readonly limit: number;
  readonly fields?: string;
}

export interface ArticleQuery extends SiteQuery {
  readonly fields?: string;
}

export interface SearchQuery extends SiteQuery {
  readonly q: string;
  readonly section?: string;
  readonly tag?: string;
  readonly sort: 'relevance' | 'newest';
  readonly page: number;
  readonly limit: number;
  readonly fields?: string;
}

export const listArticlesSchema = {
  summary: 'List published articles',
  description:
    'Newest publication first. With `updated_since`, only articles changed since then, oldest change first: keep the `modified_at` of the last article you received and send it as `updated_since` next time.',
  tags: ['articles'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      site: siteParam,
      section: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: sectionPathPattern,
        description: 'A section path (e.g. `world/europe`); its subsections are included.',
      },
      tag: slugParam('A tag slug.'),
      author: slugParam('An author slug.'),
      updated_since: {
        ...dateTime,
        maxLength: 40,
        description: 'ISO 8601 date-time with a time zone: only articles changed at or after it.',
      },
      cursor: cursorParam,
      limit: limitParam,
      fields: fieldsParam,
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        data: { type: 'array', items: { $ref: 'Article#' } },
        next_cursor: {
          type: ['string', 'null'],
          description: 'Pass it as `cursor` for the next page; null on the last page.',
        },
      },
      required: ['data', 'next_cursor'],
    },
    ...errors,
  },
} as const satisfies FastifySchema;

const articleQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { site: siteParam, fields: fieldsParam },
} as const;

export const getArticleSchema = {
  summary: 'One published article by id',
  tags: ['articles'],
  params: {
    type: 'object',
    properties: { id: { type: 'integer', minimum: 1, maximum: MAX_ID } },
    required: ['id'],
  },
  querystring: articleQuery,
  response: { 200: { $ref: 'Article#' }, ...errors },
} as const satisfies FastifySchema;

export const getArticleBySlugSchema = {
  summary: 'One published article by slug',
  description: 'Slugs are unique only per site, and not guaranteed unique: the newest article with it wins.',
  tags: ['articles'],
  params: {
    type: 'object',
    properties: { slug: { type: 'string', minLength: 1, maxLength: 120, pattern: slugPattern } },
    required: ['slug'],
  },
  querystring: articleQuery,
  response: { 200: { $ref: 'Article#' }, ...errors },
} as const satisfies FastifySchema;

const siteOnlyQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { site: siteParam },
} as const;

export const listSectionsSchema = {
  summary: "The site's sections",
  description: 'In navigation order; a subsection names its parent by path.',
  tags: ['taxonomy'],
  querystring: siteOnlyQuery,
  response: listOf('sections', {
    type: 'object',
    properties: {
      path: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      parent_path: { type: ['string', 'null'] },
      url: { type: 'string', format: 'uri' },
    },
    required: ['path', 'name', 'description', 'parent_path', 'url'],
  }),
} as const satisfies FastifySchema;

export const listTagsSchema = {
  summary: "The site's tags",
  tags: ['taxonomy'],
  querystring: siteOnlyQuery,
  response: listOf('tags', {
    type: 'object',
    properties: {
      slug: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string', format: 'uri' },
    },
    required: ['slug', 'name', 'url'],
  }),
} as const satisfies FastifySchema;

export const listAuthorsSchema = {
  summary: "The site's authors",
  tags: ['taxonomy'],
  querystring: siteOnlyQuery,
  response: listOf('authors', {
    type: 'object',
    properties: {
      slug: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      bio: { type: 'string' },
      url: { type: 'string', format: 'uri' },
    },
    required: ['slug', 'name', 'title', 'bio', 'url'],
  }),
} as const satisfies FastifySchema;

export const searchSchema = {
  summary: 'Search published articles',
  description:
    'Full-text search over a site\'s published articles: best matches first (or newest first with `sort=newest`). Words, "quoted phrases" and -excluded words. Paged by number: follow `next_page` until it is null.',
  tags: ['articles'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: '^[^\\p{Cc}]*\\S[^\\p{Cc}]*$',
        description: 'What to look for.',
      },
      site: siteParam,
      section: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: sectionPathPattern,
        description: 'A section path; its subsections are included.',
      },
      tag: slugParam('A tag slug.'),
      sort: { type: 'string', enum: ['relevance', 'newest'], default: 'relevance' },
      page: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
      limit: limitParam,
      fields: fieldsParam,
    },
    required: ['q'],
  },
  response: {
    200: {
      type: 'object',
      properties: {
        data: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              article: { $ref: 'Article#' },
              snippet: {
                type: 'array',
                description: 'The passage that matched, in pieces; `hit` marks the words found.',
                items: {
                  type: 'object',
                  properties: { text: { type: 'string' }, hit: { type: 'boolean' } },
                  required: ['text', 'hit'],
                },
              },
            },
            required: ['article', 'snippet'],
          },
        },
        total: { type: 'integer', description: 'How many articles match.' },
        page: { type: 'integer' },
        next_page: { type: ['integer', 'null'], description: 'The next `page`, or null on the last.' },
      },
      required: ['data', 'total', 'page', 'next_page'],
    },
    ...errors,
    503: { $ref: 'Error#' },
  },
} as const satisfies FastifySchema;
