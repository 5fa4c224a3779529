import type { ArticleView, Section } from '../content/index.ts';
import { isoWithOffset } from './dateline-format.ts';
import type { PageContext } from './page-context.ts';
import { urls } from './urls.ts';

/** schema.org NewsArticle for an article page. */
export function newsArticleJsonLd(ctx: PageContext, article: ArticleView, canonical: string): object {
  const { site, origin } = ctx;
  const zone = site.timeZone;
  const published = article.publishedAt!;
  const modified = article.updatedAt ?? published;
  const publisher = {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: `${origin}/`,
    logo: { '@type': 'ImageObject', url: `${origin}/brand/logo.svg`, width: 600, height: 60 },
  };
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
          author: { '@type': 'Organization', name: article.agency.name },
        }
      : {
          author: article.authors.map((a) => ({
            '@type': 'Person',
            name: a.name,
            url: origin + urls.author(a),
          })),
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
