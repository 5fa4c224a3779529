/** Request schemas of the wire desk's admin routes (they also make its OpenAPI section). */
import type { FastifySchema } from 'fastify';

const id = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;
const tags = (summary: string) => ({ tags: ['wire'], summary });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { $ref: code === 422 ? 'AdminValidationError#' : 'AdminError#' }]),
  );

export const sourceIdParams = { type: 'object', properties: { id }, required: ['id'] } as const;

export const sourceListSchema: FastifySchema = {
  ...tags('Wire sources, optionally of one site'),
  querystring: { type: 'object', properties: { site: id }, additionalProperties: false },
  response: errors(401, 403, 422),
};

const sectionRule = {
  type: 'object',
  properties: {
    subject: { type: 'string', minLength: 1, maxLength: 200 },
    keyword: { type: 'string', minLength: 1, maxLength: 200 },
    section: { type: 'string', minLength: 1, maxLength: 300 },
  },
  required: ['section'],
  additionalProperties: false,
} as const;

/** Checked in the handler (checkPublishRules), so a bad rule answers 400 with a sentence. */
const publishRule = {
  type: 'object',
  properties: {
    subject: { type: 'string', maxLength: 10_000 },
    keyword: { type: 'string', maxLength: 10_000 },
    decision: {
      type: 'string',
      maxLength: 100,
      description: 'publish (auto-publish) or review (desk review)',
    },
  },
  additionalProperties: false,
} as const;

/** Every status a wire item can have, as the list route filters by. */
export const itemStatuses = [
  'queued',
  'published',
  'scheduled',
  'drafted',
  'ignored',
  'refused',
  'killed',
  'superseded',
  'expired',
] as const;

export function sourceBodySchema(mode: 'create' | 'update'): FastifySchema {
  return {
    ...tags(mode === 'create' ? 'Create a wire source' : 'Change a wire source'),
    ...(mode === 'update' ? { params: sourceIdParams } : {}),
    body: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        siteId: id,
        format: { type: 'string', maxLength: 20, description: 'auto, newsml-g2, ninjs, nitf, rss or atom' },
        kind: { type: 'string', enum: ['folder', 'feed', 'manual'] },
        location: {
          type: 'string',
          maxLength: 2000,
          description: 'feed: an http(s) URL; folder: a folder name inside the wire drop folder',
        },
        pollSeconds: { type: 'integer', minimum: 10, maximum: 86_400 },
        defaultSectionId: { anyOf: [id, { type: 'null' }] },
        sectionRules: { type: 'array', maxItems: 200, items: sectionRule },
        defaultRightsLine: { type: ['string', 'null'], maxLength: 300 },
        autoPublish: { type: 'boolean' },
        publishRules: {
          type: 'array',
          maxItems: 200,
          items: publishRule,
          description:
            'Exceptions to autoPublish by subject or keyword; a matching review rule wins over a publish rule',
        },
        enabled: { type: 'boolean' },
      },
      ...(mode === 'create' ? { required: ['name', 'siteId', 'kind'] } : { minProperties: 1 }),
      additionalProperties: false,
    },
    response: errors(400, 401, 403, 404, 422),
  };
}

export const sourceSchema: FastifySchema = {
  ...tags('One wire source'),
  params: sourceIdParams,
  response: errors(401, 403, 404),
};

export const itemListSchema: FastifySchema = {
  ...tags("A source's items by status (default: the incoming queue), newest first"),
  params: sourceIdParams,
  querystring: {
    type: 'object',
    properties: {
      status: {
        type: 'string',
        enum: itemStatuses,
      },
      page: { type: 'integer', minimum: 1, maximum: 10_000 },
      urgency: {
        type: 'string',
        maxLength: 100,
        description: 'Only items this urgent or more: 1 (a flash) to 9',
      },
      agency: {
        type: 'string',
        maxLength: 300,
        description: 'Only items of this agency (GET /wire/sources/{id}/agencies lists them)',
      },
    },
    additionalProperties: false,
  },
  response: errors(400, 401, 403, 404, 422),
};

export const agencyListSchema: FastifySchema = {
  ...tags("The agencies a source's items name, with how many items each"),
  params: sourceIdParams,
  response: errors(401, 403, 404),
};

export const itemSchema: FastifySchema = {
  ...tags(
    'One wire item: its preview (the normalized item), status, refusal reason, and every version received of it',
  ),
  params: sourceIdParams,
  response: errors(401, 403, 404),
};

export const ingestResultSchema: FastifySchema = {
  ...tags('Publish a queued item as is, or ignore it'),
  params: sourceIdParams,
  response: errors(401, 403, 404, 409),
};

export const draftResultSchema: FastifySchema = {
  ...tags('Open a queued item in the editor: it becomes a draft article, not published'),
  params: sourceIdParams,
  response: errors(401, 403, 404, 409),
};

export const mappingsSchema: FastifySchema = {
  ...tags("A source's subject/keyword → tag mappings"),
  params: sourceIdParams,
  response: errors(401, 403, 404),
};

export const mappingPutSchema: FastifySchema = {
  ...tags('Map a subject code or keyword to a tag (tagId null: drop it)'),
  params: sourceIdParams,
  body: {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['subject', 'keyword'] },
      value: { type: 'string', minLength: 1, maxLength: 200 },
      tagId: { anyOf: [id, { type: 'null' }] },
    },
    required: ['kind', 'value', 'tagId'],
    additionalProperties: false,
  },
  response: errors(401, 403, 404, 422),
};
