import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EventBus, fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import {
  type Article,
  type ArticlePosition,
  articleChangedAt,
  type ContentService,
  type CursorQuery,
  createContentService,
} from './index.ts';

const minute = 60_000;

for (const dialect of testDialects) {
  describe(`article cursor walks on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    const clock = fixedClock(TEST_NOW);
    let content: ContentService;
    let fixture: Awaited<ReturnType<typeof createSmallSite>>;
    /** Every visible article at `now`, as stored. */
    let visible: Article[] = [];
    let now: Date;

    before(async () => {
      if (!handle) return;
      content = createContentService({ db: handle.db, events: new EventBus(), clock });
      fixture = await createSmallSite(content, TEST_NOW);
      const { site, world, europe, tags, authors, agency } = fixture;
      const start = TEST_NOW.getTime();
      const publishAt = async (
        at: number,
        input: Partial<Parameters<ContentService['createArticle']>[0]>,
      ) => {
        clock.set(new Date(at));
        const draft = await content.createArticle(
          { siteId: site.id, sectionId: world.id, headline: `Story at ${at}`, ...input },
          { savedBy: null },
        );
        return content.publishArticle(draft.id, { savedBy: null });
      };
      // 23 articles; every third shares its publication instant with the one before (ties on time).
      for (let i = 0; i < 23; i++) {
        const at = start + (i - (i % 3 === 2 ? 1 : 0)) * minute;
        visible.push(
          await publishAt(at, {
            headline: `Story ${i}`,
            sectionId: i % 2 === 0 ? europe.id : world.id,
            tagIds: i % 4 === 0 ? [tags[0]!.id, tags[1]!.id] : [tags[2]!.id],
            authorIds: i % 5 === 0 ? [authors[1]!.id, authors[0]!.id] : [authors[0]!.id],
            agencyId: i === 7 ? agency.id : null,
          }),
        );
      }
      // Not visible: a draft, an unpublished article, one scheduled after `now`.
      clock.set(new Date(start + 30 * minute));
      await content.createArticle(
        { siteId: site.id, sectionId: world.id, headline: 'Draft' },
        { savedBy: null },
      );
      const gone = await publishAt(start + 31 * minute, { headline: 'Gone' });
      clock.set(new Date(start + 32 * minute));
      await content.unpublishArticle(gone.id, { savedBy: null });
      const later = await content.createArticle(
        { siteId: site.id, sectionId: world.id, headline: 'Later' },
        { savedBy: null },
      );
      await content.scheduleArticle(later.id, new Date(start + 24 * 60 * minute), { savedBy: null });
      now = new Date(start + 60 * minute);
      clock.set(now);
    });
    after(async () => handle?.close());

    /** Walks a whole list, page by page, and answers the ids in order and the number of pages. */
    async function walk(query: Omit<CursorQuery, 'after' | 'now' | 'siteId'>) {
      const ids: number[] = [];
      let position: ArticlePosition | undefined;
      let pages = 0;
      for (;;) {
        const page = await content.articles.listVisibleByCursor({
          siteId: fixture.site.id,
          now,
          ...query,
          after: position,
        });
        pages++;
        ids.push(...page.items.map((item) => item.article.id));
        if (!page.next) break;
        position = page.next;
        assert.ok(pages < 100, 'the walk ends');
      }
      return { ids, pages };
    }

    const newestFirst = (a: Article, b: Article) =>
      b.publishedAt!.getTime() - a.publishedAt!.getTime() || b.id - a.id;

    test('a walk by publication returns every visible article once, newest first, ties by id', {
      skip: !handle,
    }, async () => {
      const { ids, pages } = await walk({ limit: 5 });
      assert.deepEqual(
        ids,
        [...visible].sort(newestFirst).map((a) => a.id),
      );
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      assert.equal(pages, 5);
      for (const limit of [1, 2, 23, 100]) {
        assert.deepEqual((await walk({ limit })).ids, ids, `limit ${limit}`);
      }
    });

    test('a new article published mid-walk neither repeats nor skips the rest', {
      skip: !handle,
    }, async () => {
      const first = await content.articles.listVisibleByCursor({ siteId: fixture.site.id, now, limit: 4 });
      const nextNow = new Date(now.getTime() + minute);
      clock.set(nextNow);
      const fresh = await content.createArticle(
        { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Breaking' },
        { savedBy: null },
      );
      await content.publishArticle(fresh.id, { savedBy: null });
      const rest = await content.articles.listVisibleByCursor({
        siteId: fixture.site.id,
        now: nextNow,
        limit: 100,
        after: first.next!,
      });
      const seen = [...first.items, ...rest.items].map((i) => i.article.id);
      assert.deepEqual(
        seen,
        [...visible].sort(newestFirst).map((a) => a.id),
      );
      clock.set(now);
      await content.unpublishArticle(fresh.id, { savedBy: null });
    });

    test('filters: sections, tag, author, ids', { skip: !handle }, async () => {
      const { europe, tags, authors } = fixture;
      const expect = (keep: (a: Article) => boolean) =>
        visible
          .filter(keep)
          .sort(newestFirst)
          .map((a) => a.id);
      assert.deepEqual(
        (await walk({ limit: 3, sectionIds: [europe.id] })).ids,
        expect((a) => a.sectionId === europe.id),
      );
      assert.deepEqual(
        (await walk({ limit: 3, tagId: tags[0]!.id })).ids,
        expect((a) => a.tagIds.includes(tags[0]!.id)),
      );
      assert.deepEqual(
        (await walk({ limit: 3, authorId: authors[1]!.id })).ids,
        expect((a) => a.authorIds.includes(authors[1]!.id)),
      );
      const some = [visible[3]!.id, visible[9]!.id, 999_999];
      assert.deepEqual(
        (await walk({ limit: 10, ids: some })).ids,
        expect((a) => some.includes(a.id)),
      );
      assert.deepEqual((await walk({ limit: 10, sectionIds: [] })).ids, []);
    });

    test('items carry their tags and authors in order, and the agency', { skip: !handle }, async () => {
      const page = await content.articles.listVisibleByCursor({ siteId: fixture.site.id, now, limit: 100 });
      for (const item of page.items) {
        const stored = visible.find((a) => a.id === item.article.id)!;
        assert.deepEqual(item.article, stored);
        assert.deepEqual(
          item.tags.map((t) => t.id),
          stored.tagIds,
        );
        assert.deepEqual(
          item.authors.map((a) => a.id),
          stored.authorIds,
        );
        assert.equal(item.agency?.name ?? null, stored.agencyId ? 'Test Wire Agency' : null);
      }
    });

    test('changedSince walks changes oldest first; edits and articles coming due count as changes', {
      skip: !handle,
    }, async () => {
      const since = new Date(TEST_NOW.getTime() + 15 * minute);
      const base = visible.filter((a) => articleChangedAt(a) >= since);
      // Edit two older articles later on, and schedule one to come due in between.
      clock.set(new Date(now.getTime() + 2 * minute));
      const edited = await content.editArticle(
        visible[1]!.id,
        { headline: 'Story 1, corrected' },
        { savedBy: null, expectedRevision: visible[1]!.revision },
      );
      const due = await content.createArticle(
        { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Due soon' },
        { savedBy: null },
      );
      const dueAt = new Date(now.getTime() + 5 * minute);
      await content.scheduleArticle(due.id, dueAt, { savedBy: null });
      clock.set(new Date(now.getTime() + 10 * minute));
      const edited2 = await content.editArticle(
        visible[0]!.id,
        { summary: 'Now with a summary' },
        { savedBy: null, expectedRevision: visible[0]!.revision },
      );
      const later = new Date(now.getTime() + 11 * minute);
      const ids: number[] = [];
      let position: ArticlePosition | undefined;
      for (;;) {
        const page = await content.articles.listVisibleByCursor({
          siteId: fixture.site.id,
          now: later,
          changedSince: since,
          limit: 4,
          after: position,
        });
        for (const item of page.items) assert.ok(articleChangedAt(item.article) >= since);
        ids.push(...page.items.map((i) => i.article.id));
        if (!page.next) break;
        position = page.next;
      }
      const oldestFirst = (a: { at: number; id: number }, b: { at: number; id: number }) =>
        a.at - b.at || a.id - b.id;
      const expected = [
        ...base.map((a) => ({ at: articleChangedAt(a).getTime(), id: a.id })),
        { at: articleChangedAt(edited).getTime(), id: edited.id },
        { at: dueAt.getTime(), id: due.id },
        { at: articleChangedAt(edited2).getTime(), id: edited2.id },
      ].sort(oldestFirst);
      assert.deepEqual(
        ids,
        expected.map((e) => e.id),
      );
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      // Before it is due, the scheduled article is not listed at all.
      const early = await content.articles.listVisibleByCursor({
        siteId: fixture.site.id,
        now: new Date(dueAt.getTime() - 1),
        changedSince: since,
        limit: 100,
      });
      assert.ok(!early.items.some((i) => i.article.id === due.id));
      visible = visible.map((a) => (a.id === edited.id ? edited : a.id === edited2.id ? edited2 : a));
      clock.set(now);
    });

    test('findVisibleIdBySlug answers the newest visible article with the slug', {
      skip: !handle,
    }, async () => {
      const slug = visible[4]!.slug;
      assert.equal(await content.articles.findVisibleIdBySlug(fixture.site.id, slug, now), visible[4]!.id);
      assert.equal(await content.articles.findVisibleIdBySlug(fixture.site.id, 'gone', now), null);
      assert.equal(await content.articles.findVisibleIdBySlug(fixture.site.id, 'later', now), null);
      assert.equal(await content.articles.findVisibleIdBySlug(fixture.site.id + 1, slug, now), null);
    });
  });
}
