/** How an article looks in the Content API, and the `fields` selection over it. */
import type { Agency, Article, Author, Block, Image, Section, Site, Tag } from '../content/index.ts';
import { articleChangedAt } from '../content/index.ts';
import { isoWithOffset, urls } from '../site/index.ts';
import { ApiError } from './errors.ts';

/** Where the article is shown: its site, the origin its URLs start with, its section. */
export interface ArticlePlace {
  readonly site: Site;
  readonly origin: string;
  readonly section: Section;
}

export interface ArticleParts {
  readonly article: Article;
  readonly tags: readonly Tag[];
  readonly authors: readonly Author[];
  readonly agency: Agency | null;
}

type Render = (parts: ArticleParts, place: ArticlePlace) => unknown;

const absolute = (origin: string, url: string) => (url.startsWith('/') ? origin + url : url);

function imageJson(image: Image, origin: string) {
  return {
    url: absolute(origin, image.src),
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: image.width,
    height: image.height,
  };
}

function blockJson(block: Block, origin: string) {
  switch (block.type) {
    case 'image': {
      const { type, ...image } = block;
      return { type, ...imageJson(image, origin) };
    }
    case 'embed':
      return { type: block.type, url: block.url, title: block.title };
    default:
      return block;
  }
}

/** Every field, in the order the JSON shows them; `fields=` picks among these names. */
const renderers = {
  id: ({ article }) => article.id,
  url: ({ article }, { origin, section }) => origin + urls.article(article, section),
  site: (_, { site }) => site.slug,
  slug: ({ article }) => article.slug,
  headline: ({ article }) => article.headline,
  summary: ({ article }) => article.summary,
  body: ({ article }, { origin }) => article.body.map((block) => blockJson(block, origin)),
  section: (_, { section }) => ({ path: section.path, name: section.name }),
  tags: ({ tags }, { origin }) =>
    tags.map((t) => ({ slug: t.slug, name: t.name, url: origin + urls.tag(t) })),
  authors: ({ authors }, { origin }) =>
    authors.map((a) => ({ slug: a.slug, name: a.name, title: a.title, url: origin + urls.author(a) })),
  agency: ({ agency }) => (agency ? { name: agency.name, url: agency.url } : null),
  rights_line: ({ article }) => article.rightsLine,
  byline_text: ({ article }) => article.bylineText,
  dateline_place: ({ article }) => article.datelinePlace,
  keywords: ({ article }) => article.keywords,
  featured_image: ({ article }, { origin }) =>
    article.featuredImage ? imageJson(article.featuredImage, origin) : null,
  published_at: ({ article }, { site }) => isoWithOffset(article.publishedAt!, site.timeZone),
  updated_at: ({ article }, { site }) =>
    article.updatedAt ? isoWithOffset(article.updatedAt, site.timeZone) : null,
  modified_at: ({ article }, { site }) => isoWithOffset(articleChangedAt(article), site.timeZone),
} satisfies Record<string, Render>;

export type ArticleField = keyof typeof renderers;
export const articleFields = Object.keys(renderers) as ArticleField[];

/**
 * The fields a `fields=` parameter asks for (id always), or every field when it is absent.
 * Unknown names are an API_INVALID_PARAMETER error that lists the valid ones.
 */
export function parseFields(raw: string | undefined): readonly ArticleField[] {
  if (raw === undefined) return articleFields;
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(articleFields as string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    const which =
      unknown.length > 0
        ? `${unknown.map((n) => JSON.stringify(n)).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'}`
        : 'names no field';
    throw new ApiError.InvalidParameter(
      `fields: ${which.slice(0, 300)}; choose from ${articleFields.join(', ')} (comma-separated).`,
    );
  }
  const wanted = new Set(['id', ...names]);
  return articleFields.filter((field) => wanted.has(field));
}

/** The article's JSON with just `fields`. */
export function articleJson(
  parts: ArticleParts,
  place: ArticlePlace,
  fields: readonly ArticleField[],
): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const field of fields) json[field] = (renderers[field] as Render)(parts, place);
  return json;
}
