import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildCommunityTestApp, inject, joinAsReader, type ReaderClient } from '../../testing/community.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';

// With the page cache off every article request renders, and the thread under it is a kept
// fragment: reused between renders, dropped when a comment, the article or the brand changes it.
describe('the article thread as a kept fragment (page cache off)', async () => {
  let t: Awaited<ReturnType<typeof buildCommunityTestApp>>;
  let ann: ReaderClient;
  before(async () => {
    t = await buildCommunityTestApp({ env: { PAGE_CACHE: 'false' } });
    ann = await joinAsReader(t.app, t.sink, 'ann@example.com', 'Ann');
  });
  after(async () => t.app.close());

  let now = TEST_NOW.getTime();
  const post = (articleId: number, body: string) => {
    now += 15_000;
    t.clock.set(new Date(now));
    return ann.form(`/community/articles/${articleId}/comments`, { body });
  };

  test('a posted comment shows on the next render; the thread is not read again in between', async () => {
    const article = await t.publish();
    const path = `/world/${article.slug}/${article.id}`;
    assert.match((await inject(t.app, { method: 'GET', url: path })).body, /0 comments/);
    assert.equal((await post(article.id, 'A first word.')).statusCode, 303);
    const shown = await inject(t.app, { method: 'GET', url: path });
    assert.match(shown.body, /<h3 class="comment-count">1 comment<\/h3>/);
    assert.match(shown.body, /<p>A first word.<\/p>/);
    // Changed behind the community's back (no event): the kept thread is what renders...
    await t.database.db.updateTable('comments').set({ body: 'Rewritten in the database.' }).execute();
    assert.match((await inject(t.app, { method: 'GET', url: path })).body, /<p>A first word.<\/p>/);
    // ...until a comment event drops it.
    assert.equal((await post(article.id, 'A second word.')).statusCode, 303);
    const after = (await inject(t.app, { method: 'GET', url: path })).body;
    assert.match(after, /<h3 class="comment-count">2 comments<\/h3>/);
    assert.match(after, /<p>Rewritten in the database.<\/p>/);
  });

  test('turning comments off for the article closes the thread on the next render', async () => {
    const article = await t.publish({ headline: 'Soon closed' });
    const path = `/world/${article.slug}/${article.id}`;
    assert.match((await inject(t.app, { method: 'GET', url: path })).body, /Post a comment/);
    await t.app.services.content.editArticle(
      article.id,
      { commentsEnabled: false },
      { savedBy: null, expectedRevision: article.revision },
    );
    const closed = (await inject(t.app, { method: 'GET', url: path })).body;
    assert.match(closed, /Comments are closed for this article/);
    assert.doesNotMatch(closed, /Post a comment/);
  });

  test("a brand's settings change drops its threads", async () => {
    const article = await t.publish({ headline: 'Brand settings' });
    const path = `/world/${article.slug}/${article.id}`;
    assert.match((await inject(t.app, { method: 'GET', url: path })).body, /Post a comment/);
    await t.database.db.updateTable('sites').set({ comments_close_after_days: 1 }).execute();
    try {
      now = article.publishedAt!.getTime() + 2 * 86_400_000;
      t.clock.set(new Date(now));
      t.app.services.events.emit('site.changed', { siteId: article.siteId });
      assert.match(
        (await inject(t.app, { method: 'GET', url: path })).body,
        /Comments are closed for this article/,
      );
    } finally {
      await t.database.db.updateTable('sites').set({ comments_close_after_days: null }).execute();
    }
  });
});
