import type { ArticleTeaser, ArticleView, ListPage, Section } from '../content/index.ts';
import { isoWithOffset } from './dateline-format.ts';
import { type PageContext, sectionById } from './page-context.ts';
import { urls } from './urls.ts';

/** schema.org NewsArticle for an article page. */
export function newsArticleJsonLd(ctx: PageContext, article: ArticleView, canonical: string): object {
  const { site, origin } = ctx;
  const zone = site.timeZone;
  const published = article.publishedAt!;
  const modified = article.updatedAt ?? published;
  const publisher = publisherJsonLd(ctx);
  const image = article.featuredImage;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.summary,
    datePublished: isoWithOffset(published, zone),
    dateModified: isoWithOffset(modified, zone),
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    articleSection: article.sectionTrail.map((s) => s.name),
    keywords: article.keywords.join(', '),
    inLanguage: site.locale,
    ...(article.datelinePlace ? { dateline: article.datelinePlace } : {}),
    ...(image
      ? {
          image: {
            '@type': 'ImageObject',
            url: image.src.startsWith('/') ? origin + image.src : image.src,
            ...(image.width ? { width: image.width, height: image.height } : {}),
          },
        }
      : {}),
    ...(article.agency
      ? {
          sourceOrganization: {
            '@type': 'NewsMediaOrganization',
            name: article.agency.name,
            url: article.agency.url,
          },
          copyrightHolder: { '@type': 'Organization', name: article.agency.name },
          ...(article.rightsLine ? { copyrightNotice: article.rightsLine } : {}),
          // The reporters the wire copy names, else the agency itself.
          author: article.bylineText
            ? [
                { '@type': 'Person', name: article.bylineText.replace(/^by\s+/i, '') },
                { '@type': 'Organization', name: article.agency.name, url: article.agency.url },
              ]
            : { '@type': 'Organization', name: article.agency.name, url: article.agency.url },
        }
      : {
          // Google wants an author with a name and a URL; a story without a byline is the publisher's.
          author:
            article.authors.length > 0
              ? article.authors.map((a) => ({
                  '@type': 'Person',
                  name: a.name,
                  url: origin + urls.author(a),
                }))
              : [{ '@type': 'Organization', name: site.name, url: `${origin}/` }],
        }),
    publisher,
    isAccessibleForFree: true,
  };
}

/** schema.org BreadcrumbList: home, then each section down to the article's own. */
export function breadcrumbJsonLd(
  ctx: PageContext,
  trail: readonly Section[],
  last?: { name: string; url: string },
): object {
  const items = [
    { name: ctx.site.name, url: `${ctx.origin}/` },
    ...trail.map((s) => ({ name: s.name, url: ctx.origin + urls.section(s) })),
    ...(last ? [last] : []),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** The brand as a news publisher: referenced by `@id` from the other blocks of the same site. */
export function publisherJsonLd(ctx: PageContext): Record<string, unknown> {
  const { site, origin } = ctx;
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${origin}/#publisher`,
    name: site.name,
    url: `${origin}/`,
    logo: { '@type': 'ImageObject', url: `${origin}/brand/logo.svg`, width: 600, height: 60 },
  };
}

/** schema.org NewsMediaOrganization on the home page, with the company that owns the brand. */
export function organizationJsonLd(ctx: PageContext): object {
  return {
    '@context': 'https://schema.org',
    ...publisherJsonLd(ctx),
    ...(ctx.site.company ? { parentOrganization: { '@type': 'Organization', name: ctx.site.company } } : {}),
  };
}

/** schema.org WebSite with the SearchAction that lets search engines offer a search box. */
export function webSiteJsonLd(ctx: PageContext): object {
  const { site, origin } = ctx;
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${origin}/#website`,
    name: site.name,
    url: `${origin}/`,
    description: site.tagline,
    inLanguage: site.locale,
    publisher: { '@id': `${origin}/#publisher` },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${origin}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * schema.org CollectionPage for a list page (section front, tag, author): what it is about and
 * the articles it lists, in order, as an ItemList of their URLs.
 */
export function collectionPageJsonLd(
  ctx: PageContext,
  list: {
    readonly name: string;
    readonly description: string;
    /** The page's own path, with ?before= or ?page= when it is not the first. */
    readonly path: string;
    readonly page: ListPage<ArticleTeaser>;
    readonly about?: object;
  },
): object {
  const { site, origin } = ctx;
  const url = origin + list.path;
  // A keyset page does not know how many came before it: its list counts from its own first item.
  const first = list.page.before === null ? (list.page.page - 1) * list.page.pageSize : 0;
  const items = list.page.items.flatMap((teaser) => {
    const section = sectionById(ctx, teaser.sectionId);
    return section ? [origin + urls.article(teaser, section)] : [];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: list.name,
    description: list.description,
    inLanguage: site.locale,
    isPartOf: { '@type': 'WebSite', '@id': `${origin}/#website`, name: site.name, url: `${origin}/` },
    publisher: publisherJsonLd(ctx),
    ...(list.about ? { about: list.about } : {}),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: items.length,
      itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: first + i + 1, url: item })),
    },
  };
}
