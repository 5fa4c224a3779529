import { slugify } from '../article.ts';
import type { ContentService } from '../content-service.ts';
import type { Article } from '../model.ts';
import type { DemoContent } from './demo-data.ts';
import { generateDemoContent } from './generate.ts';

export interface SeedOptions {
  /** The instant the demo's "minutes ago" count back from. */
  readonly now: Date;
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  readonly sites: number;
  readonly articles: number;
}

/**
 * Stores the demo publisher: brands, sections, tags, authors, agencies and articles. The same
 * seed and `now` give the same content. Refuses to run on a database that already has sites.
 */
export async function seedDemo(content: ContentService, options: SeedOptions): Promise<SeedResult> {
  if ((await content.taxonomy.countSites()) > 0) {
    throw new Error('The database already has sites; the demo seeds only an empty database.');
  }
  const demo: DemoContent = generateDemoContent(options.seed ?? 1);
  const { taxonomy, articles } = content;
  const total = demo.articles.length;
  let done = 0;

  for (const brand of demo.brands) {
    const site = await taxonomy.createSite(
      {
        slug: brand.slug,
        name: brand.name,
        tagline: brand.tagline,
        timeZone: brand.timeZone,
        locale: brand.locale,
        company: demo.company,
        logoUrl: '',
        trademarkText: demo.trademarkText,
        navigation: brand.navigation,
        hosts: brand.hosts,
        isDefault: brand.isDefault,
      },
      options.now,
    );
    const sectionIds = new Map<string, number>();
    for (const [position, section] of brand.sections.entries()) {
      const parent = await taxonomy.createSection({
        siteId: site.id,
        parentId: null,
        slug: section.slug,
        name: section.name,
        description: section.description,
        position,
      });
      sectionIds.set(parent.path, parent.id);
      for (const [childPosition, child] of (section.children ?? []).entries()) {
        const created = await taxonomy.createSection({
          siteId: site.id,
          parentId: parent.id,
          slug: child.slug,
          name: child.name,
          description: child.description,
          position: childPosition,
        });
        sectionIds.set(created.path, created.id);
      }
    }
    const tagIds = new Map<string, number>();
    for (const tag of brand.tags)
      tagIds.set(tag.slug, (await taxonomy.createTag({ siteId: site.id, ...tag })).id);
    const authorIds = new Map<string, number>();
    for (const author of brand.authors) {
      authorIds.set(author.slug, (await taxonomy.createAuthor({ siteId: site.id, ...author })).id);
    }
    const agencies = new Map<string, { id: number; name: string }>();
    for (const agency of brand.agencies) {
      const created = await taxonomy.createAgency({ siteId: site.id, ...agency });
      agencies.set(agency.slug, { id: created.id, name: created.name });
    }

    // Oldest first, so ids grow with publication time as they would in a real newsroom.
    const brandArticles = demo.articles
      .filter((a) => a.brand === brand.slug)
      .sort((a, b) => b.minutesAgo - a.minutesAgo);
    for (const item of brandArticles) {
      const publishedAt = new Date(options.now.getTime() - item.minutesAgo * 60_000);
      const agency = item.agencySlug ? agencies.get(item.agencySlug) : undefined;
      const article: Article = {
        id: 0,
        siteId: site.id,
        sectionId: required(sectionIds, item.sectionPath, 'section'),
        slug: slugify(item.headline),
        headline: item.headline,
        summary: item.summary,
        body: item.body,
        tagIds: item.tagSlugs.map((slug) => required(tagIds, slug, 'tag')),
        authorIds: item.authorSlugs.map((slug) => required(authorIds, slug, 'author')),
        agencyId: agency?.id ?? null,
        rightsLine: agency ? `© ${publishedAt.getUTCFullYear()} ${agency.name}. All rights reserved.` : null,
        bylineText: null,
        datelinePlace: null,
        keywords: item.keywords,
        featuredImage: item.featuredImage,
        status: 'published',
        publishedAt,
        updatedAt:
          item.updatedAfterMinutes !== null
            ? new Date(
                Math.min(publishedAt.getTime() + item.updatedAfterMinutes * 60_000, options.now.getTime()),
              )
            : null,
        commentsEnabled: true,
        revision: 0,
        createdAt: publishedAt,
        modifiedAt: publishedAt,
        createdBy: null,
      };
      await articles.insert(article, { savedBy: null, at: publishedAt });
      options.onProgress?.(++done, total);
    }
  }
  await content.load();
  return { sites: demo.brands.length, articles: total };
}

function required(map: Map<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`demo content refers to an unknown ${what} "${key}"`);
  return id;
}
