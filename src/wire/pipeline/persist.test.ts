/** The one write: the article and its wire row together, or neither (both dialects). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ContentService, createContentService } from '../../content/index.ts';
import { EventBus, fixedClock } from '../../platform/index.ts';
import { testDialects } from '../../testing/databases.ts';
import { createSmallSite } from '../../testing/small-site.ts';
import { createSourceRepository, type WireSource } from '../sources.ts';
import { createWireStore } from '../wire-store.ts';
import { classify } from './classify.ts';
import { normalize } from './normalize.ts';
import { persist } from './persist.ts';
import { testNow, wireItem } from './test-support.ts';
import type { Draft, IngestContext, IngestOutcome } from './types.ts';

for (const dialect of testDialects) {
  describe(`persist on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    const events = new EventBus();
    const changed: number[] = [];
    events.on('article.changed', (e) => changed.push(e.articleId));
    let content: ContentService;
    let source: WireSource;
    let ctx: IngestContext;

    before(async () => {
      if (!handle) return;
      content = createContentService({ db: handle.db, events, clock: fixedClock(testNow) });
      const fixture = await createSmallSite(content, testNow);
      source = await createSourceRepository(handle.db).manualFor(fixture.site.id, testNow);
      ctx = {
        source,
        site: fixture.site,
        now: testNow,
        file: { name: 'item.xml', bytes: Buffer.from('<newsItem/>') },
        content,
        store: createWireStore(handle.db),
        mappings: [],
      };
    });
    after(async () => handle?.close());

    const articles = async () =>
      Number(
        (
          await handle!.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const ready = (item = wireItem()) =>
      classify(normalize({ item, action: 'create', publishAt: null }, ctx) as Draft, ctx) as Draft;

    test('creates and publishes the article, with agency and tags, and records the version', {
      skip: !handle,
    }, async () => {
      const result = (await persist(
        ready(wireItem({ keywords: ['Geneva'], agency: 'Acme Wire' })),
        ctx,
      )) as IngestOutcome;
      assert.equal(result.status, 'published');
      const found = await content.articles.findWithRelations(result.articleId!);
      assert.equal(found?.agency?.name, 'Acme Wire');
      assert.deepEqual(
        found?.tags.map((t) => t.name),
        ['Geneva'],
      );
      assert.equal(found?.article.rightsLine, '© 2024 Acme Wire. All rights reserved.');
      assert.equal((await ctx.store.latestVersion(ctx.site.id, 'urn:test:1'))?.articleId, result.articleId);
      assert.ok(changed.includes(result.articleId!), 'change events sent after the commit');
    });

    test('a write that fails mid-way leaves no half article and sends no event', {
      skip: !handle,
    }, async () => {
      const before = await articles();
      const events = changed.length;
      // Version 1 of urn:test:1 is stored: the article insert succeeds, then the wire row
      // violates the unique (site, guid, version) index, and the whole transaction rolls back.
      const result = (await persist(ready(), ctx)) as IngestOutcome;
      assert.equal(result.status, 'duplicate');
      assert.equal(await articles(), before);
      assert.equal(changed.length, events);
    });
  });
}
