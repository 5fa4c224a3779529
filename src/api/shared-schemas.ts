/**
 * The objects the Content API's answers are made of. Added once (by `$id`) to the API's context,
 * referenced as `Name#` by the route schemas, and listed under `components.schemas` in the
 * OpenAPI document.
 */
const dateTime = { type: 'string', format: 'date-time' } as const;

/** Schemas referenced as `Name#` from route schemas; add each once to the API's context. */
export const sharedSchemas = [
  {
    $id: 'Error',
    type: 'object',
    description: 'Every error answer: a stable code and a sentence saying what to fix.',
    properties: {
      error: { type: 'string', description: 'Stable code, e.g. API_INVALID_PARAMETER.' },
      message: { type: 'string' },
    },
    required: ['error', 'message'],
  },
  {
    $id: 'Block',
    type: 'object',
    description:
      'One block of an article body. `type` says which other properties it has: paragraph and subhead (text), quote (text, cite), image (url, alt, caption, credit, width, height), list (ordered, items), embed (url, title).',
    properties: {
      type: { type: 'string', enum: ['paragraph', 'subhead', 'quote', 'image', 'list', 'embed'] },
      text: { type: 'string' },
      cite: { type: 'string' },
      url: { type: 'string' },
      alt: { type: 'string' },
      caption: { type: 'string' },
      credit: { type: 'string' },
      width: { type: 'integer' },
      height: { type: 'integer' },
      ordered: { type: 'boolean' },
      items: { type: 'array', items: { type: 'string' } },
      title: { type: 'string' },
    },
    required: ['type'],
  },
  {
    $id: 'Article',
    type: 'object',
    description: 'A published article. With `fields`, only the fields asked for (and id) are present.',
    properties: {
      id: { type: 'integer' },
      url: { type: 'string', format: 'uri', description: "The canonical URL of the article's page." },
      site: { type: 'string', description: "The site's slug." },
      slug: { type: 'string' },
      headline: { type: 'string' },
      summary: { type: 'string' },
      body: { type: 'array', items: { $ref: 'Block#' } },
      section: {
        type: 'object',
        properties: { path: { type: 'string' }, name: { type: 'string' } },
        required: ['path', 'name'],
      },
      tags: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            url: { type: 'string', format: 'uri' },
          },
          required: ['slug', 'name', 'url'],
        },
      },
      authors: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            title: { type: 'string' },
            url: { type: 'string', format: 'uri' },
          },
          required: ['slug', 'name', 'url'],
        },
      },
      agency: {
        type: ['object', 'null'],
        description: 'The wire agency for republished copy.',
        properties: { name: { type: 'string' }, url: { type: 'string' } },
        required: ['name', 'url'],
      },
      rights_line: {
        type: ['string', 'null'],
        description: "The agency's rights line; show it with the text.",
      },
      byline_text: {
        type: ['string', 'null'],
        description:
          'The byline as the copy gives it ("By Jane Doe"), for wire stories; `authors` lists staff authors.',
      },
      dateline_place: {
        type: ['string', 'null'],
        description:
          'Where the story was filed from ("London"); the site leads the body with "LONDON (Agency) —".',
      },
      keywords: { type: 'array', items: { type: 'string' } },
      featured_image: {
        type: ['object', 'null'],
        properties: {
          url: { type: 'string' },
          alt: { type: 'string' },
          caption: { type: 'string' },
          credit: { type: 'string' },
          width: { type: 'integer' },
          height: { type: 'integer' },
        },
        required: ['url', 'alt'],
      },
      published_at: { ...dateTime, description: "First publication, with the site's UTC offset." },
      updated_at: {
        type: ['string', 'null'],
        format: 'date-time',
        description: 'The last update shown to readers ("Updated …"), or null.',
      },
      modified_at: {
        ...dateTime,
        description:
          'The last change of any kind (edit, publication, coming due): what `updated_since` compares with.',
      },
    },
    required: ['id'],
  },
] as const;
