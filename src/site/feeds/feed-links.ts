import type { Author, Section, Tag } from '../../content/index.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** Each format's file name (it ends every feed URL) and media type. */
export const feedFormats: Readonly<
  Record<FeedFormat, { readonly file: string; readonly mediaType: string; readonly label: string }>
> = {
  rss: { file: 'rss.xml', mediaType: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', label: 'JSON Feed' },
};

const formats = Object.keys(feedFormats) as FeedFormat[];

/** "rss.xml" → "rss"; null for any other file name. */
export function formatOfFile(file: string): FeedFormat | null {
  return formats.find((format) => feedFormats[format].file === file) ?? null;
}

/**
 * Where each feed lives, without the format's file: `${feedPaths.tag(tag)}/atom.xml`. Everything
 * sits under /feeds/, so no feed URL can be taken for a section or an article.
 */
export const feedPaths = {
  site: () => '/feeds',
  section: (section: Pick<Section, 'path'>) => `/feeds/section/${section.path}`,
  tag: (tag: Pick<Tag, 'slug'>) => `/feeds/tag/${encodeURIComponent(tag.slug)}`,
  author: (author: Pick<Author, 'slug'>) => `/feeds/author/${encodeURIComponent(author.slug)}`,
};

/** A feed for a page's `<link rel="alternate">` (autodiscovery). */
export interface FeedLink {
  readonly title: string;
  readonly type: string;
  /** A path on the site, e.g. "/feeds/rss.xml". */
  readonly href: string;
}

/** One feed in every format, e.g. feedLinks('/feeds/tag/summit', 'Daily Test: Summit'). */
export function feedLinks(feedPath: string, title: string): FeedLink[] {
  return formats.map((format) => ({
    title: `${title} (${feedFormats[format].label})`,
    type: feedFormats[format].mediaType,
    href: `${feedPath}/${feedFormats[format].file}`,
  }));
}
