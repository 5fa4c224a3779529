import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventBus, fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { type Article, type ContentService, createContentService } from './index.ts';

const HOUR = 60 * 60 * 1000;

for (const dialect of testDialects) {
  describe(`compact article listings (sitemaps) on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    const clock = fixedClock(TEST_NOW);
    let content: ContentService;
    let fixture: Awaited<ReturnType<typeof createSmallSite>>;
    /** Published an hour apart, oldest first. */
    const published: Article[] = [];

    before(async () => {
      if (!handle) return;
      content = createContentService({ db: handle.db, events: new EventBus(), clock });
      fixture = await createSmallSite(content, TEST_NOW);
      const other = await content.taxonomy.createSite(
        { ...fixture.site, slug: 'other', name: 'Other', hosts: ['other.test'], isDefault: false },
        TEST_NOW,
      );
      const otherSection = await content.taxonomy.createSection({
        siteId: other.id,
        parentId: null,
        slug: 'news',
        name: 'News',
        description: '',
        position: 0,
      });
      await content.load();
      const create = (headline: string, siteId = fixture.site.id, sectionId = fixture.world.id) =>
        content.createArticle(
          {
            siteId,
            sectionId,
            headline,
            featuredImage: { src: `/media/${headline.toLowerCase().replace(/\W+/g, '-')}.jpg`, alt: '' },
          },
          { savedBy: null },
        );
      for (let i = 0; i < 5; i++) {
        clock.set(new Date(TEST_NOW.getTime() - (5 - i) * HOUR));
        const draft = await create(`Story ${i}`);
        published.push(await content.publishArticle(draft.id, { savedBy: null }));
        // Another site's and unpublished articles interleave the ids.
        await content.publishArticle((await create(`Elsewhere ${i}`, other.id, otherSection.id)).id, {
          savedBy: null,
        });
      }
      await create('Never published');
      await content.scheduleArticle((await create('Tomorrow')).id, new Date(TEST_NOW.getTime() + 24 * HOUR), {
        savedBy: null,
      });
      // An announced correction to the oldest story moves its lastmod.
      clock.set(new Date(TEST_NOW.getTime() - 30 * 60 * 1000));
      published[0] = await content.editArticle(
        published[0]!.id,
        { summary: 'Corrected.' },
        { savedBy: null, expectedRevision: published[0]!.revision, announce: true },
      );
      clock.set(TEST_NOW);
    });
    after(async () => handle?.close());

    test('lists a site’s visible articles only, newest first, as compact rows', {
      skip: !handle,
    }, async () => {
      const rows = await content.articles.listListings({ siteId: fixture.site.id, now: TEST_NOW });
      assert.deepEqual(
        rows.map((r) => r.headline),
        ['Story 4', 'Story 3', 'Story 2', 'Story 1', 'Story 0'],
      );
      const oldest = rows.at(-1)!;
      assert.deepEqual(oldest, {
        id: published[0]!.id,
        siteId: fixture.site.id,
        slug: 'story-0',
        sectionId: fixture.world.id,
        headline: 'Story 0',
        featuredImage: { src: '/media/story-0.jpg', alt: '' },
        publishedAt: new Date(TEST_NOW.getTime() - 5 * HOUR),
        updatedAt: new Date(TEST_NOW.getTime() - 30 * 60 * 1000),
      });
    });

    test('filters by id range, by publication time and limits', { skip: !handle }, async () => {
      const { articles } = content;
      const siteId = fixture.site.id;
      const ids = { from: published[1]!.id, to: published[3]!.id };
      assert.deepEqual(
        (await articles.listListings({ siteId, now: TEST_NOW, ids })).map((r) => r.headline),
        ['Story 3', 'Story 2', 'Story 1'],
      );
      const since = new Date(TEST_NOW.getTime() - 2 * HOUR);
      assert.deepEqual(
        (await articles.listListings({ siteId, now: TEST_NOW, publishedSince: since })).map(
          (r) => r.headline,
        ),
        ['Story 4', 'Story 3'],
      );
      assert.equal((await articles.listListings({ siteId, now: TEST_NOW, limit: 2 })).length, 2);
      const later = new Date(TEST_NOW.getTime() + 25 * HOUR);
      assert.equal(
        (await articles.listListings({ siteId, now: later })).length,
        6,
        'the scheduled story is due',
      );
    });

    test('counts visible articles per id range with the latest change of each', {
      skip: !handle,
    }, async () => {
      const size = 4;
      const chunks = await content.articles.listingChunks(fixture.site.id, TEST_NOW, size);
      const expected = new Map<number, { count: number; last: number }>();
      for (const a of published) {
        const index = Math.floor((a.id - 1) / size);
        const at = (a.updatedAt ?? a.publishedAt)!.getTime();
        const seen = expected.get(index) ?? { count: 0, last: 0 };
        expected.set(index, { count: seen.count + 1, last: Math.max(seen.last, at) });
      }
      assert.deepEqual(
        chunks.map((c) => [c.index, c.count, c.lastModified.getTime()]),
        [...expected].map(([index, e]) => [index, e.count, e.last]),
      );
      assert.equal(
        chunks.reduce((n, c) => n + c.count, 0),
        5,
      );
      await assert.rejects(content.articles.listingChunks(fixture.site.id, TEST_NOW, 0), RangeError);
    });
  });
}
