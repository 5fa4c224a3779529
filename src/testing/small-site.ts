import type { ContentService } from '../content/index.ts';

/** A tiny brand with two sections (one a subsection), three tags, two authors and an agency. */
export async function createSmallSite(content: ContentService, at: Date) {
  const { taxonomy } = content;
  const site = await taxonomy.createSite(
    {
      slug: 'daily',
      name: 'Daily Test',
      tagline: 'News for tests',
      timeZone: 'America/New_York',
      locale: 'en-US',
      company: 'Test Media Co.',
      logoUrl: '',
      trademarkText: 'Daily Test is a registered trademark of Test Media Co.',
      navigation: [{ label: 'World', href: '/world' }],
      hosts: ['daily.test', 'localhost'],
      isDefault: true,
    },
    at,
  );
  const world = await taxonomy.createSection({
    siteId: site.id,
    parentId: null,
    slug: 'world',
    name: 'World',
    description: 'World news',
    position: 0,
  });
  const europe = await taxonomy.createSection({
    siteId: site.id,
    parentId: world.id,
    slug: 'europe',
    name: 'Europe',
    description: '',
    position: 0,
  });
  const tags = await Promise.all(
    ['summit', 'peace', 'war'].map((slug) =>
      taxonomy.createTag({ siteId: site.id, slug, name: slug[0]!.toUpperCase() + slug.slice(1) }),
    ),
  );
  const ann = await taxonomy.createAuthor({
    siteId: site.id,
    slug: 'ann-writer',
    name: 'Ann Writer',
    title: 'Correspondent',
    bio: '',
  });
  const bob = await taxonomy.createAuthor({
    siteId: site.id,
    slug: 'bob-editor',
    name: 'Bob Editor',
    title: 'Editor',
    bio: '',
  });
  const agency = await taxonomy.createAgency({
    siteId: site.id,
    slug: 'test-wire',
    name: 'Test Wire Agency',
    url: 'https://wire.example',
  });
  await content.load();
  return { site, world, europe, tags, authors: [ann, bob], agency };
}
