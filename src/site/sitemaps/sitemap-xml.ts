import { isoWithOffset } from '../dateline-format.ts';
import { xml, xmlDeclaration } from '../xml.ts';

/** One <url> of a urlset, with the image and Google News extensions when given. */
export interface SitemapUrl {
  readonly loc: string;
  readonly lastmod?: Date;
  /** Absolute image URLs (image:image/image:loc). */
  readonly images?: readonly string[];
  readonly news?: {
    readonly publicationName: string;
    /** ISO 639 as Google News wants it: "en", "zh-cn". */
    readonly language: string;
    readonly publishedAt: Date;
    readonly title: string;
  };
}

export interface SitemapRef {
  readonly loc: string;
  readonly lastmod?: Date;
}

/** The protocol's longest <loc> (sitemap.xsd); longer URLs are left out rather than break the file. */
export const MAX_LOC_LENGTH = 2048;

/** A urlset (sitemaps.org 0.9). Dates carry the site zone's offset. */
export function renderUrlset(entries: readonly SitemapUrl[], timeZone: string): string {
  const date = (at: Date) => isoWithOffset(at, timeZone);
  const url = (
    u: SitemapUrl,
  ) => xml`<url><loc>${u.loc}</loc>${u.lastmod ? xml`<lastmod>${date(u.lastmod)}</lastmod>` : null}${
    u.news
      ? xml`<news:news><news:publication><news:name>${u.news.publicationName}</news:name><news:language>${u.news.language}</news:language></news:publication><news:publication_date>${date(u.news.publishedAt)}</news:publication_date><news:title>${u.news.title}</news:title></news:news>`
      : null
  }${(u.images ?? []).map((src) => xml`<image:image><image:loc>${src}</image:loc></image:image>`)}</url>
`;
  return (
    xmlDeclaration +
    xml`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries.filter((e) => e.loc.length <= MAX_LOC_LENGTH).map(url)}</urlset>
`.value
  );
}

/** A sitemap index (sitemaps.org 0.9). */
export function renderSitemapIndex(refs: readonly SitemapRef[], timeZone: string): string {
  return (
    xmlDeclaration +
    xml`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${refs.map(
  (r) =>
    xml`<sitemap><loc>${r.loc}</loc>${r.lastmod ? xml`<lastmod>${isoWithOffset(r.lastmod, timeZone)}</lastmod>` : null}</sitemap>
`,
)}</sitemapindex>
`.value
  );
}

/** Google News wants ISO 639 ("en"), except zh-cn and zh-tw for Chinese. */
export function newsLanguage(locale: string): string {
  const lower = locale.toLowerCase();
  if (lower.startsWith('zh')) return /-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0]!;
}
