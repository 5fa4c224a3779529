import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ArticleChanged } from '../platform/events.ts';
import { EventBus, fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { type ContentService, createContentService } from './index.ts';

for (const dialect of testDialects) {
  describe(`content repositories on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    const clock = fixedClock(TEST_NOW);
    const events = new EventBus();
    const changes: ArticleChanged[] = [];
    events.on('article.changed', (e) => changes.push(e));
    let content: ContentService;
    let fixture: Awaited<ReturnType<typeof createSmallSite>>;

    before(async () => {
      if (!handle) return;
      content = createContentService({ db: handle.db, events, clock });
      fixture = await createSmallSite(content, TEST_NOW);
    });
    after(async () => handle?.close());

    test('a saved article reads back field for field, with ordered tags and authors', {
      skip: !handle,
    }, async () => {
      const saved = await content.createArticle(
        {
          siteId: fixture.site.id,
          sectionId: fixture.europe.id,
          headline: 'Summit opens in Geneva',
          summary: 'Leaders meet.',
          body: [
            { type: 'paragraph', text: 'First <b>paragraph</b> & more.' },
            { type: 'quote', text: 'We will talk.', cite: 'A Minister' },
            { type: 'list', ordered: true, items: ['one', 'two'] },
          ],
          tagIds: [fixture.tags[2]!.id, fixture.tags[0]!.id],
          authorIds: [fixture.authors[1]!.id, fixture.authors[0]!.id],
          keywords: ['summit', 'geneva'],
          featuredImage: {
            src: '/media/x.jpg',
            alt: 'A hall',
            width: 1200,
            height: 675,
            credit: 'Photo desk',
          },
        },
        { savedBy: null },
      );
      assert.ok(saved.id > 0);
      assert.equal(saved.slug, 'summit-opens-in-geneva');
      const read = await content.articles.findById(saved.id);
      assert.deepEqual(read, saved);
      const tags = await content.articles.tagsOf(saved.id);
      assert.deepEqual(
        tags.map((t) => t.slug),
        ['war', 'summit'],
      );
      const authors = await content.articles.authorsOf(saved.id);
      assert.deepEqual(
        authors.map((a) => a.slug),
        ['bob-editor', 'ann-writer'],
      );
      assert.deepEqual(changes.at(-1)?.keys.slice(0, 4), [
        `article:${saved.id}`,
        `home:${fixture.site.id}`,
        `section:${fixture.world.id}`,
        `section:${fixture.europe.id}`,
      ]);
    });

    test('every save is a revision; a stale save is refused and stores nothing', {
      skip: !handle,
    }, async () => {
      const a = await content.createArticle(
        { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Draft one' },
        { savedBy: null },
      );
      const b = await content.editArticle(
        a.id,
        { headline: 'Draft two' },
        { savedBy: null, expectedRevision: 1 },
      );
      assert.equal(b.revision, 2);
      await assert.rejects(
        content.editArticle(a.id, { headline: 'Lost update' }, { savedBy: null, expectedRevision: 1 }),
        (error: { code: string }) => error.code === 'CONTENT_REVISION_CONFLICT',
      );
      const revisions = await content.articles.revisions(a.id);
      assert.deepEqual(
        revisions.map((r) => [r.revision, r.snapshot.headline]),
        [
          [2, 'Draft two'],
          [1, 'Draft one'],
        ],
      );
      assert.equal((await content.articles.findById(a.id))?.headline, 'Draft two');
    });

    test('invalid input is refused with field problems and nothing is stored', {
      skip: !handle,
    }, async () => {
      const before = await content.articles.listVisible({
        siteId: fixture.site.id,
        now: TEST_NOW,
        pageSize: 100,
      });
      await assert.rejects(
        content.createArticle(
          { siteId: fixture.site.id, sectionId: fixture.world.id, headline: '   ' },
          { savedBy: null },
        ),
        (error: { code: string; message: string }) =>
          error.code === 'CONTENT_INVALID' && /headline/.test(error.message),
      );
      await assert.rejects(
        content.createArticle(
          {
            siteId: fixture.site.id,
            sectionId: fixture.world.id,
            headline: 'Bad image',
            body: [{ type: 'image', src: 'javascript:alert(1)', alt: '' }],
          },
          { savedBy: null },
        ),
        (error: { code: string }) => error.code === 'CONTENT_INVALID',
      );
      await assert.rejects(
        content.createArticle(
          { siteId: fixture.site.id, sectionId: 99999, headline: 'No section' },
          { savedBy: null },
        ),
        (error: { code: string }) => error.code === 'CONTENT_INVALID',
      );
      const afterwards = await content.articles.listVisible({
        siteId: fixture.site.id,
        now: TEST_NOW,
        pageSize: 100,
      });
      assert.equal(afterwards.items.length, before.items.length);
    });

    test('publish, unpublish and schedule follow the lifecycle; lists show only visible articles', {
      skip: !handle,
    }, async () => {
      const draft = await content.createArticle(
        {
          siteId: fixture.site.id,
          sectionId: fixture.europe.id,
          headline: 'Peace deal signed',
          tagIds: [fixture.tags[1]!.id],
        },
        { savedBy: null },
      );
      const listed = async () =>
        (
          await content.articles.listVisible({
            siteId: fixture.site.id,
            now: clock.now(),
            tagId: fixture.tags[1]!.id,
          })
        ).items.map((i) => i.id);
      assert.deepEqual(await listed(), []);
      const published = await content.publishArticle(draft.id, { savedBy: null });
      assert.equal(published.status, 'published');
      assert.equal(published.publishedAt?.toISOString(), TEST_NOW.toISOString());
      assert.deepEqual(await listed(), [draft.id]);
      // The front of the parent section lists its subsection's articles.
      const front = await content.articles.listVisible({
        siteId: fixture.site.id,
        now: clock.now(),
        sectionIds: content.sectionFamily(fixture.world),
      });
      assert.ok(front.items.some((i) => i.id === draft.id));
      await assert.rejects(
        content.publishArticle(draft.id, { savedBy: null }),
        (e: { code: string }) => e.code === 'CONTENT_TRANSITION_REFUSED',
      );
      await content.unpublishArticle(draft.id, { savedBy: null });
      assert.deepEqual(await listed(), []);

      const later = await content.createArticle(
        {
          siteId: fixture.site.id,
          sectionId: fixture.world.id,
          headline: 'Embargoed report',
          tagIds: [fixture.tags[1]!.id],
        },
        { savedBy: null },
      );
      const due = new Date(TEST_NOW.getTime() + 3600_000);
      await assert.rejects(
        content.scheduleArticle(later.id, new Date(TEST_NOW.getTime() - 1000), { savedBy: null }),
        (e: { code: string }) => e.code === 'CONTENT_TRANSITION_REFUSED',
      );
      await content.scheduleArticle(later.id, due, { savedBy: null });
      assert.deepEqual(await listed(), []);
      assert.equal(
        (await content.articles.nextScheduledAfter(fixture.site.id, clock.now()))?.toISOString(),
        due.toISOString(),
      );
      clock.set(due);
      assert.deepEqual(await listed(), [later.id]);
      clock.set(TEST_NOW);
    });

    test('lists page newest first and count the total', { skip: !handle }, async () => {
      for (let i = 0; i < 5; i++) {
        clock.set(new Date(TEST_NOW.getTime() - (10 - i) * 60_000));
        const a = await content.createArticle(
          {
            siteId: fixture.site.id,
            sectionId: fixture.world.id,
            headline: `Paged story ${i}`,
            authorIds: [fixture.authors[0]!.id],
          },
          { savedBy: null },
        );
        await content.publishArticle(a.id, { savedBy: null });
      }
      clock.set(TEST_NOW);
      const page1 = await content.articles.listVisible({
        siteId: fixture.site.id,
        now: TEST_NOW,
        authorId: fixture.authors[0]!.id,
        pageSize: 2,
      });
      const page3 = await content.articles.listVisible({
        siteId: fixture.site.id,
        now: TEST_NOW,
        authorId: fixture.authors[0]!.id,
        pageSize: 2,
        page: 3,
      });
      assert.equal(
        await content.articles.countVisible({
          siteId: fixture.site.id,
          now: TEST_NOW,
          authorId: fixture.authors[0]!.id,
        }),
        5,
      );
      assert.ok(page1.next, 'the first page says that older articles follow');
      assert.deepEqual(
        page1.items.map((i) => i.headline),
        ['Paged story 4', 'Paged story 3'],
      );
      assert.deepEqual(
        page3.items.map((i) => i.headline),
        ['Paged story 0'],
      );
      assert.equal(page3.next, null, 'the last page says nothing older follows');
      // Keyset: the page after the first page's last article is the second page.
      const older = await content.articles.listVisible({
        siteId: fixture.site.id,
        now: TEST_NOW,
        authorId: fixture.authors[0]!.id,
        pageSize: 2,
        before: page1.next!,
      });
      assert.deepEqual(
        older.items.map((i) => i.headline),
        ['Paged story 2', 'Paged story 1'],
      );
      assert.equal(older.before, page1.items[1]!.id);
      const position = await content.articles.positionOf(fixture.site.id, page1.items[1]!.id);
      assert.deepEqual(position, page1.next);
      assert.equal(await content.articles.positionOf(fixture.site.id + 1000, page1.items[1]!.id), null);
    });

    test('sites are found by host, with the default for unknown hosts', { skip: !handle }, async () => {
      assert.equal(content.siteForHost('DAILY.test:8080')?.id, fixture.site.id);
      assert.equal(content.siteForHost('unknown.example')?.id, fixture.site.id);
      assert.equal(content.siteForHost(undefined)?.id, fixture.site.id);
    });
  });
}
