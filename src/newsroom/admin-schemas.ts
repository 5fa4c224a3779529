/**
 * The admin API's route schemas: Fastify validates requests with them and @fastify/swagger
 * turns them into the OpenAPI document. Bodies are checked for shape here; what an article
 * may contain (lengths, slugs, blocks, URLs) is content's rule, checked by ContentService.
 */
import type { FastifySchema } from 'fastify';

export const MAX_ID = 2_147_483_647;
const id = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;
const ids = { type: 'array', maxItems: 100, items: id } as const;

export const errorSchema = {
  $id: 'AdminError',
  type: 'object',
  description: 'Every error answer: a stable code and a sentence saying what to do.',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;

export const validationErrorSchema = {
  $id: 'AdminValidationError',
  type: 'object',
  description: '422: every field that is not valid, by name.',
  properties: {
    error: { type: 'string', const: 'VALIDATION' },
    message: { type: 'string' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
        required: ['field', 'message'],
      },
    },
  },
  required: ['error', 'message', 'fields'],
} as const;

const articleFields = {
  sectionId: id,
  headline: { type: 'string', maxLength: 10_000 },
  slug: { type: 'string', maxLength: 500 },
  summary: { type: 'string', maxLength: 100_000 },
  body: {
    type: 'array',
    maxItems: 2000,
    items: { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] },
  },
  tagIds: ids,
  authorIds: ids,
  agencyId: { anyOf: [id, { type: 'null' }] },
  rightsLine: { type: ['string', 'null'], maxLength: 10_000 },
  bylineText: { type: ['string', 'null'], maxLength: 10_000 },
  datelinePlace: { type: ['string', 'null'], maxLength: 10_000 },
  keywords: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 200 } },
  featuredImage: {
    anyOf: [
      {
        type: 'object',
        properties: {
          src: { type: 'string' },
          alt: { type: 'string' },
          caption: { type: 'string' },
          credit: { type: 'string' },
          width: { type: 'integer', minimum: 1 },
          height: { type: 'integer', minimum: 1 },
        },
        required: ['src', 'alt'],
      },
      { type: 'null' },
    ],
  },
  commentsEnabled: { type: 'boolean' },
} as const;

const idParams = {
  type: 'object',
  properties: { id },
  required: ['id'],
} as const;

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { $ref: code === 422 ? 'AdminValidationError#' : 'AdminError#' }]),
  );

const tags = (tag: string, summary: string) => ({ tags: [tag], summary });

export const loginSchema: FastifySchema = {
  ...tags('session', 'Sign in: sets the dl_staff cookie and answers the CSRF token'),
  security: [],
  body: {
    type: 'object',
    properties: {
      email: { type: 'string', minLength: 1, maxLength: 254 },
      password: { type: 'string', minLength: 1, maxLength: 1024 },
    },
    required: ['email', 'password'],
  },
  response: errors(401, 422, 429),
};
export const sessionSchema: FastifySchema = {
  ...tags('session', 'The signed-in user and the CSRF token'),
  response: errors(401),
};
export const logoutSchema: FastifySchema = {
  ...tags('session', 'Sign out (needs X-CSRF-Token)'),
  response: errors(401, 403),
};

export const listArticlesSchema: FastifySchema = {
  ...tags('articles', 'Articles of every status, most recently changed first'),
  querystring: {
    type: 'object',
    properties: {
      site: { ...id, description: 'A site id (GET /sites).' },
      status: { type: 'string', enum: ['draft', 'scheduled', 'published', 'unpublished'] },
      section: { ...id, description: 'A section id; its subsections are included.' },
      q: { type: 'string', maxLength: 200, description: 'Text the headline contains.' },
      page: { type: 'integer', minimum: 1, maximum: 10_000 },
    },
  },
  response: errors(401, 403, 422),
};
export const getArticleSchema: FastifySchema = {
  ...tags('articles', 'One article, with how many revisions it has'),
  params: idParams,
  response: errors(401, 403, 404, 422),
};
export const revisionsSchema: FastifySchema = {
  ...tags('articles', "An article's saved revisions, newest first"),
  params: idParams,
  response: errors(401, 403, 404, 422),
};
export const createArticleSchema: FastifySchema = {
  ...tags('articles', 'Create a draft (needs X-CSRF-Token)'),
  body: {
    type: 'object',
    properties: { siteId: id, ...articleFields },
    required: ['siteId', 'sectionId', 'headline'],
  },
  response: errors(401, 403, 422),
};
export const editArticleSchema: FastifySchema = {
  ...tags('articles', 'Edit over a known revision; 409 when someone saved since (needs X-CSRF-Token)'),
  params: idParams,
  body: {
    type: 'object',
    properties: {
      expectedRevision: { type: 'integer', minimum: 1, maximum: MAX_ID },
      announce: { type: 'boolean', description: 'Show readers "Updated" (published articles only).' },
      ...articleFields,
    },
    required: ['expectedRevision'],
  },
  response: errors(401, 403, 404, 409, 422),
};
export const transitionSchema = (summary: string): FastifySchema => ({
  ...tags('articles', `${summary} (needs X-CSRF-Token)`),
  params: idParams,
  response: errors(401, 403, 404, 409, 422),
});
export const scheduleSchema: FastifySchema = {
  ...transitionSchema('Schedule publication'),
  body: {
    type: 'object',
    properties: { at: { type: 'string', format: 'date-time', description: 'ISO 8601 with a time zone.' } },
    required: ['at'],
  },
};

export const listSitesSchema: FastifySchema = {
  ...tags('taxonomy', 'The sites (brands)'),
  response: errors(401, 403),
};
export const siteChildrenSchema = (what: string): FastifySchema => ({
  ...tags('taxonomy', `A site's ${what}`),
  params: idParams,
  response: errors(401, 403, 404, 422),
});
export const auditSchema: FastifySchema = {
  ...tags('audit', 'The audit log, newest first (admins only)'),
  querystring: {
    type: 'object',
    properties: {
      action: { type: 'string', maxLength: 100 },
      page: { type: 'integer', minimum: 1, maximum: 10_000 },
    },
  },
  response: errors(401, 403, 422),
};

const mediaItem = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    siteId: { type: 'integer' },
    url: { type: 'string', description: 'The widest JPEG: use it as the image `src` in an article.' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    alt: { type: 'string' },
    caption: { type: 'string' },
    credit: { type: 'string' },
    originalName: { type: 'string' },
    format: { type: 'string' },
    sizes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          width: { type: 'integer' },
          height: { type: 'integer' },
          format: { type: 'string', enum: ['avif', 'webp', 'jpeg'] },
          url: { type: 'string' },
          bytes: { type: 'integer' },
        },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const uploadMediaSchema: FastifySchema = {
  ...tags(
    'media',
    'Upload an image (multipart/form-data: file, alt, caption, credit, siteId); 413 too large, 415 not an image (needs X-CSRF-Token)',
  ),
  consumes: ['multipart/form-data'],
  response: {
    201: { type: 'object', properties: { data: mediaItem } },
    ...errors(401, 403, 413, 415, 422),
  },
};
export const listMediaSchema: FastifySchema = {
  ...tags('media', "A site's media library, newest first"),
  querystring: {
    type: 'object',
    properties: {
      site: { ...id, description: 'A site id (default: the default site).' },
      page: { type: 'integer', minimum: 1, maximum: 10_000 },
    },
  },
  response: errors(401, 403, 422),
};

const homeAnswer = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: { articleIds: { type: 'array', items: { type: 'integer' } } },
      required: ['articleIds'],
    },
  },
} as const;

export const getHomeSchema: FastifySchema = {
  ...tags('home', "A brand's curated home-page top stories, in order (those readers can see now)"),
  params: idParams,
  response: { 200: homeAnswer, ...errors(401, 403, 404, 422) },
};
export const putHomeSchema: FastifySchema = {
  ...tags(
    'home',
    "Set a brand's home-page top stories, in order: at most 12 published articles of the site (needs X-CSRF-Token)",
  ),
  params: idParams,
  body: {
    type: 'object',
    properties: { articleIds: { type: 'array', maxItems: 100, items: id } },
    required: ['articleIds'],
    additionalProperties: false,
  },
  response: { 200: homeAnswer, ...errors(401, 403, 404, 422) },
};

const name = { type: 'string', maxLength: 1000 } as const;
const slug = { type: 'string', maxLength: 200 } as const;

export const createSectionSchema: FastifySchema = {
  ...tags('taxonomy', 'Create a section, or a subsection with parentId (needs X-CSRF-Token)'),
  params: idParams,
  body: {
    type: 'object',
    properties: {
      name,
      slug: { ...slug, description: 'Default: made from the name.' },
      parentId: { anyOf: [id, { type: 'null' }] },
      description: { type: 'string', maxLength: 5000 },
    },
    required: ['name'],
    additionalProperties: false,
  },
  response: errors(401, 403, 404, 422),
};
export const updateSectionSchema: FastifySchema = {
  ...tags(
    'taxonomy',
    'Rename a section; a new slug moves it and its subsections, old URLs answer 301 (needs X-CSRF-Token)',
  ),
  params: idParams,
  body: {
    type: 'object',
    properties: { name, slug, description: { type: 'string', maxLength: 5000 } },
    additionalProperties: false,
  },
  response: errors(401, 403, 404, 422),
};
export const createTagSchema: FastifySchema = {
  ...tags(
    'taxonomy',
    'Create a tag (201), or answer the existing one with that name (200) (needs X-CSRF-Token)',
  ),
  params: idParams,
  body: { type: 'object', properties: { name }, required: ['name'], additionalProperties: false },
  response: errors(401, 403, 404, 422),
};
export const updateTagSchema: FastifySchema = {
  ...tags('taxonomy', 'Rename a tag; a new slug leaves the old URL answering 301 (needs X-CSRF-Token)'),
  params: idParams,
  body: { type: 'object', properties: { name, slug }, additionalProperties: false },
  response: errors(401, 403, 404, 422),
};
export const mergeTagSchema: FastifySchema = {
  ...tags(
    'taxonomy',
    'Merge a tag into another: its articles move, its page and feeds answer 301 (needs X-CSRF-Token)',
  ),
  params: idParams,
  body: {
    type: 'object',
    properties: { intoTagId: id },
    required: ['intoTagId'],
    additionalProperties: false,
  },
  response: errors(401, 403, 404, 422),
};

const roleEnum = { type: 'string', enum: ['admin', 'editor', 'writer', 'moderator'] } as const;

export const listUsersSchema: FastifySchema = {
  ...tags('users', 'Staff accounts (admins only)'),
  response: errors(401, 403),
};
export const createUserSchema: FastifySchema = {
  ...tags(
    'users',
    'Create a staff account; without a password one is generated and answered once (needs X-CSRF-Token)',
  ),
  body: {
    type: 'object',
    properties: {
      email: { type: 'string', maxLength: 254 },
      name: { type: 'string', maxLength: 1000 },
      role: roleEnum,
      password: { type: 'string', maxLength: 1024 },
    },
    required: ['email', 'role'],
    additionalProperties: false,
  },
  response: errors(401, 403, 422),
};
export const updateUserSchema: FastifySchema = {
  ...tags(
    'users',
    "Change a staff account's role or name, or disable it (its sessions end at once) (needs X-CSRF-Token)",
  ),
  params: idParams,
  body: {
    type: 'object',
    properties: { role: roleEnum, name: { type: 'string', maxLength: 1000 }, disabled: { type: 'boolean' } },
    additionalProperties: false,
  },
  response: errors(401, 403, 404, 422),
};
export const requestResetSchema: FastifySchema = {
  ...tags(
    'session',
    'Ask for a password-reset link by email (the same answer for every address; rate limited)',
  ),
  security: [],
  body: {
    type: 'object',
    properties: { email: { type: 'string', minLength: 1, maxLength: 254 } },
    required: ['email'],
  },
  response: errors(422, 429),
};
export const confirmResetSchema: FastifySchema = {
  ...tags(
    'session',
    "Choose a new password with the emailed link's token; every session of the account ends",
  ),
  security: [],
  body: {
    type: 'object',
    properties: {
      token: { type: 'string', maxLength: 200 },
      password: { type: 'string', maxLength: 1024 },
    },
    required: ['token', 'password'],
  },
  response: errors(422),
};
export const correctionSchema: FastifySchema = {
  ...tags(
    'articles',
    'Append a dated correction to a published article; readers see it updated (needs X-CSRF-Token)',
  ),
  params: idParams,
  body: {
    type: 'object',
    properties: { text: { type: 'string', maxLength: 10_000 } },
    required: ['text'],
    additionalProperties: false,
  },
  response: errors(401, 403, 404, 409, 422),
};
