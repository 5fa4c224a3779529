import type { Article, ArticleTeaser, Author, Section, Tag } from '../content/index.ts';
import { isArticleId } from '../content/index.ts';

/** Where each kind of page lives. Article URLs end in the stable id, so slugs may change. */
export const urls = {
  home: () => '/',
  section: (section: Pick<Section, 'path'>) => `/${section.path}`,
  article: (article: Pick<Article | ArticleTeaser, 'id' | 'slug'>, section: Pick<Section, 'path'>) =>
    `/${section.path}/${article.slug}/${article.id}`,
  tag: (tag: Pick<Tag, 'slug'>) => `/tag/${encodeURIComponent(tag.slug)}`,
  author: (author: Pick<Author, 'slug'>) => `/author/${encodeURIComponent(author.slug)}`,
  live: () => '/live',
  search: () => '/search',
  guidelines: () => '/community/guidelines',
  newsletterSignup: () => '/newsletter/signup',
  withPage: (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path),
  /** The next older page of a list: the articles published before article `id` (keyset). */
  olderThan: (path: string, id: number) => `${path}?before=${id}`,
  /** A list page's own address: `?before=` for a keyset page, else `?page=` past the first. */
  listPage: (path: string, page: { readonly page: number; readonly before: number | null }) =>
    page.before !== null
      ? `${path}?before=${page.before}`
      : page.page > 1
        ? `${path}?page=${page.page}`
        : path,
};

/** Splits "/world/europe/some-slug/123" into the section path, slug and id; null when it is no article URL. */
export function parseArticlePath(path: string): { sectionPath: string; slug: string; id: number } | null {
  const match = /^\/((?:[a-z0-9-]+\/)*[a-z0-9-]+)\/([a-z0-9-]+)\/(\d{1,15})\/?$/.exec(path);
  if (!match) return null;
  const id = Number(match[3]);
  if (!isArticleId(id)) return null;
  return { sectionPath: match[1]!, slug: match[2]!, id };
}
