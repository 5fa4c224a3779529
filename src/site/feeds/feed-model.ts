import {
  type ArticleView,
  type Block,
  type ContentService,
  type Image,
  isSafeUrl,
  type ListQuery,
} from '../../content/index.ts';
import { datelineLead, wireByline } from '../components/article-page.ts';
import { bodyBlocks } from '../components/body-blocks.ts';
import { figure } from '../components/figure.ts';
import { absolute } from '../components/layout.ts';
import { html } from '../html.ts';
import type { PageContext } from '../page-context.ts';
import { urls } from '../urls.ts';
import { type FeedFormat, feedFormats } from './feed-links.ts';

/** Every feed carries the latest 50 articles. */
export const FEED_SIZE = 50;

/** What a feed covers: the whole site, a section (with its subsections), a tag or an author. */
export interface FeedSubject {
  /** Null for the whole site. */
  readonly name: string | null;
  readonly description: string;
  /** The HTML page the feed mirrors, e.g. "/world". */
  readonly pagePath: string;
  /** The feed's URL without the format's file, e.g. "/feeds/section/world". */
  readonly feedPath: string;
  readonly filter: Pick<ListQuery, 'sectionIds' | 'tagId' | 'authorId'>;
}

/** A feed independent of its format: rss.ts, atom.ts and json-feed.ts each render it. */
export interface FeedModel {
  readonly title: string;
  readonly description: string;
  /** The HTML page, absolute. */
  readonly pageUrl: string;
  /** This feed in each format, absolute (the self links). */
  readonly urls: Readonly<Record<FeedFormat, string>>;
  /** BCP 47, e.g. "en-US". */
  readonly language: string;
  /** Dates are written with this zone's offset. */
  readonly timeZone: string;
  readonly publisher: { readonly name: string; readonly url: string };
  /** The site's own copyright line. */
  readonly rights: string;
  readonly iconUrl: string;
  readonly logoUrl: string;
  /** The newest item's update time (the render time for an empty feed). */
  readonly updated: Date;
  readonly items: readonly FeedItem[];
}

export interface FeedItem {
  /** A tag: URI that survives slug and section changes. */
  readonly id: string;
  readonly url: string;
  readonly title: string;
  /** Plain text; may be empty. */
  readonly summary: string;
  /** The full article: featured image, body (opening with the dateline's lead-in), rights line; every URL absolute. */
  readonly contentHtml: string;
  readonly published: Date;
  /** `updatedAt ?? publishedAt`. */
  readonly updated: Date;
  /** Never empty: the staff bylines, else the wire byline ("By Jane Doe, Agency"), else the agency, else the site. */
  readonly authors: readonly { readonly name: string; readonly url: string | null }[];
  /** From the article's tags, in their order. */
  readonly categories: readonly { readonly term: string; readonly label: string; readonly url: string }[];
  /** "…/tag/": with a category's term, its page; RSS `domain` and Atom `scheme`. */
  readonly categoryScheme: string;
  readonly image: FeedImage | null;
  /** The agency's rights line for wire copy; null for the newsroom's own. */
  readonly rights: string | null;
}

export interface FeedImage {
  readonly url: string;
  /** Null when the file name does not tell. */
  readonly type: string | null;
  readonly alt: string;
  readonly credit: string | null;
  readonly width: number | null;
  readonly height: number | null;
}

/** Reads the subject's latest visible articles with their relations and builds the feed. */
export async function buildFeedModel(
  content: ContentService,
  ctx: PageContext,
  subject: FeedSubject,
): Promise<FeedModel> {
  const { site, origin, now } = ctx;
  const page = await content.articles.listVisible({
    siteId: site.id,
    now,
    ...subject.filter,
    pageSize: FEED_SIZE,
  });
  // One lookup per article, only on a page-cache miss; the cache keeps the result until it changes.
  const found = await Promise.all(page.items.map((teaser) => content.viewArticle(site.id, teaser.id)));
  const items = found.flatMap((f) => (f?.visible ? [feedItem(ctx, f.view)] : []));
  const feedUrl = (format: FeedFormat) => `${origin}${subject.feedPath}/${feedFormats[format].file}`;
  return {
    title: subject.name ? `${subject.name} | ${site.name}` : site.name,
    description: subject.description || site.tagline,
    pageUrl: origin + subject.pagePath,
    urls: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
    language: site.locale,
    timeZone: site.timeZone,
    publisher: { name: site.name, url: `${origin}/` },
    rights: `© ${now.getUTCFullYear()} ${site.company.replace(/\.?$/, '.')} All rights reserved.`,
    iconUrl: `${origin}/brand/icon.svg`,
    logoUrl: `${origin}/brand/logo.svg`,
    updated: items.reduce<Date | null>((max, i) => (max && max >= i.updated ? max : i.updated), null) ?? now,
    items,
  };
}

function feedItem(ctx: PageContext, article: ArticleView): FeedItem {
  const { site, origin } = ctx;
  const published = article.publishedAt!;
  const image = article.featuredImage && isSafeUrl(article.featuredImage.src) ? article.featuredImage : null;
  const imageUrl = image ? absolute(origin, image.src) : null;
  // A tag: URI's authority is a DNS name (RFC 4151): not an IP address, not the request's host.
  const authority = site.hosts.find((h) => /[a-z]/i.test(h) && !h.includes(':')) ?? new URL(origin).hostname;
  return {
    id: `tag:${authority},${article.createdAt.toISOString().slice(0, 10)}:article:${article.id}`,
    url: origin + urls.article(article, article.section),
    title: article.headline,
    summary: article.summary,
    contentHtml: html`${image ? figure({ ...image, src: imageUrl! }, { lazy: true }) : null}
${bodyBlocks(
  article.body.map((block) => absoluteBlock(origin, block)),
  datelineLead(article, site.locale),
)}${article.rightsLine ? html`<p class="rights-line">${article.rightsLine}</p>` : null}`.value,
    published,
    updated: article.updatedAt ?? published,
    authors: feedAuthors(ctx, article),
    categories: article.tags.map((t) => ({ term: t.slug, label: t.name, url: origin + urls.tag(t) })),
    categoryScheme: `${origin}/tag/`,
    image: image && imageUrl ? feedImage(image, imageUrl) : null,
    rights: article.rightsLine,
  };
}

/**
 * Staff authors; else wire copy's byline as the article page writes it ("By Jane Doe, Agency",
 * linking the agency); else the agency; else the site. Never empty.
 */
function feedAuthors(ctx: PageContext, article: ArticleView): FeedItem['authors'] {
  const { site, origin } = ctx;
  if (article.authors.length > 0) {
    return article.authors.map((a) => ({ name: a.name, url: origin + urls.author(a) }));
  }
  const agencyUrl = article.agency && isSafeUrl(article.agency.url) ? article.agency.url : null;
  const wire = wireByline(article);
  if (wire) return [{ name: wire.agency ? `${wire.by}, ${wire.agency}` : wire.by, url: agencyUrl }];
  if (article.agency) return [{ name: article.agency.name, url: agencyUrl }];
  return [{ name: site.name, url: `${origin}/` }];
}

/** Feed readers show the body away from the site: site paths must become absolute URLs. */
function absoluteBlock(origin: string, block: Block): Block {
  if (block.type === 'image') return { ...block, src: absolute(origin, block.src) };
  if (block.type === 'embed') return { ...block, url: absolute(origin, block.url) };
  return block;
}

const imageTypes: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

function feedImage(image: Image, url: string): FeedImage {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';
  return {
    url,
    type: imageTypes[extension] ?? null,
    alt: image.alt,
    credit: image.credit || null,
    width: image.width ?? null,
    height: image.height ?? null,
  };
}
