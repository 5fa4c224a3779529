import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Article } from '../../content/index.ts';
import { buildCommunityTestApp, inject, joinAsReader, type ReaderClient } from '../../testing/community.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';

describe('comments over HTTP', async () => {
  let t: Awaited<ReturnType<typeof buildCommunityTestApp>>;
  let ann: ReaderClient;
  let bob: ReaderClient;
  let article: Article;
  let articlePath: string;
  before(async () => {
    t = await buildCommunityTestApp();
    ann = await joinAsReader(t.app, t.sink, 'ann@example.com', 'Ann', { notifyReplies: true });
    bob = await joinAsReader(t.app, t.sink, 'bob@example.com', 'Bob');
    article = await t.publish();
    articlePath = `/world/${article.slug}/${article.id}`;
  });
  after(async () => t.app.close());

  const rows = (articleId = article.id) =>
    t.database.db
      .selectFrom('comments')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('id')
      .execute();
  // The clock moves 15 seconds before each post, so the tests stay under the burst limits.
  let now = TEST_NOW.getTime();
  const setNow = (ms: number) => {
    now = ms;
    t.clock.set(new Date(ms));
  };
  const post = (
    reader: ReaderClient,
    body: string,
    extra: Record<string, string> = {},
    articleId = article.id,
  ) => {
    setNow(now + 15_000);
    return reader.form(`/community/articles/${articleId}/comments`, { body, ...extra });
  };
  const postedId = (res: { headers: Record<string, unknown> }) =>
    Number(/posted=(\d+)/.exec(String(res.headers.location))![1]);
  const page = (url = articlePath) => inject(t.app, { method: 'GET', url });

  test('the article page shows the thread under #comments, cached until a comment changes it', async () => {
    const first = await page();
    assert.equal(first.statusCode, 200);
    assert.match(
      first.body,
      /<div id="comments" class="comments">\s*<h3 class="comment-count">0 comments<\/h3>/,
    );
    assert.match(
      first.body,
      new RegExp(`href="/community/articles/${article.id}#comment-form">Post a comment`),
    );
    assert.match(String(first.headers['surrogate-key']), new RegExp(`comments:${article.id}`));
    const etag = String(first.headers.etag);
    const res = await post(ann, 'First! A fair <b>point</b>.\n\nSecond paragraph,\nsecond line.');
    assert.equal(res.statusCode, 303);
    assert.match(
      String(res.headers.location),
      new RegExp(`^/community/articles/${article.id}\\?posted=\\d+#comment-\\d+$`),
    );
    const second = await page();
    assert.notEqual(second.headers.etag, etag);
    assert.match(second.body, /<h3 class="comment-count">1 comment<\/h3>/);
    assert.match(
      second.body,
      /<p>First! A fair &lt;b&gt;point&lt;\/b&gt;.<\/p><p>Second paragraph,<br>second line.<\/p>/,
    );
    const discussion = await ann.get(String(res.headers.location));
    assert.equal(discussion.statusCode, 200);
    assert.equal(discussion.headers['cache-control'], 'no-store');
    assert.match(discussion.body, /Your comment is posted/);
  });

  test('a link from a new account waits for a moderator; only its author sees it, autolinked', async () => {
    const res = await post(bob, 'See https://example.com/report.');
    const id = postedId(res);
    const own = await bob.get(String(res.headers.location));
    assert.match(own.body, /your comment is waiting for a moderator/);
    assert.match(own.body, /Awaiting review: only you can see this for now/);
    assert.match(
      own.body,
      /<p>See <a href="https:\/\/example.com\/report" rel="nofollow ugc noopener">https:\/\/example.com\/report<\/a>.<\/p>/,
    );
    assert.doesNotMatch(
      (await ann.get(`/community/articles/${article.id}`)).body,
      new RegExp(`id="comment-${id}"`),
    );
    assert.doesNotMatch((await page()).body, new RegExp(`id="comment-${id}"`));
    const row = (await rows()).find((r) => r.id === id)!;
    assert.deepEqual([row.status, row.hold_reason], ['pending', 'new-account-links']);
  });

  test('replies nest two levels: a reply to a reply joins the same thread, and the author is emailed once', async () => {
    const top = postedId(await post(ann, 'Top-level comment'));
    const before = t.sink.to('ann@example.com').length;
    const reply = await post(bob, 'A reply', { parent: String(top) });
    assert.equal(reply.statusCode, 303);
    const replyId = postedId(reply);
    const nested = postedId(await post(ann, 'A reply to the reply', { parent: String(replyId) }));
    const stored = await t.database.db
      .selectFrom('comments')
      .select(['id', 'parent_id', 'thread_id'])
      .where('id', 'in', [replyId, nested])
      .orderBy('id')
      .execute();
    assert.deepEqual(stored, [
      { id: replyId, parent_id: top, thread_id: top },
      { id: nested, parent_id: replyId, thread_id: top },
    ]);
    await t.app.services.community.notifications.idle();
    await t.sink.waitFor(t.sink.messages.length);
    const mails = t.sink.to('ann@example.com').slice(before);
    assert.equal(mails.length, 1, 'Ann opted in; Bob did not, and Ann replying to herself sends nothing');
    assert.match(mails[0]!.parsed.subject ?? '', /Bob replied to your comment/);
    assert.match(
      mails[0]!.parsed.text ?? '',
      new RegExp(`/community/articles/${article.id}#comment-${replyId}`),
    );
    t.app.services.community.notifications.dispatch();
    await t.app.services.community.notifications.idle();
    assert.equal(t.sink.to('ann@example.com').length - before, 1, 'never twice');
    const view = await page(`/community/articles/${article.id}`);
    assert.match(view.body, /<ol class="comment-replies">/);
  });

  test('bad comments get a clear message, the text kept, and nothing stored', async () => {
    const count = (await rows()).length;
    const cases: [string, Record<string, string>, number, RegExp][] = [
      ['', {}, 422, /Write something before you post/],
      ['   \n\n  ', {}, 422, /Write something/],
      ['x'.repeat(5001), {}, 422, /5,001 characters; the most is 5,000/],
      ['nul \u0000 here', {}, 422, /control characters/],
      ['reply to nothing', { parent: '999999' }, 409, /was deleted or is no longer shown/],
      ['reply to garbage', { parent: 'abc' }, 409, /does not exist/],
    ];
    for (const [body, extra, status, message] of cases) {
      const res = await post(ann, body, extra);
      assert.equal(res.statusCode, status, JSON.stringify(body.slice(0, 20)));
      assert.match(res.body, message);
    }
    const long = await post(ann, `keep ${'y'.repeat(5001)}`);
    assert.match(long.body, /<textarea id="comment-body" name="body"[^>]*>keep y/);
    assert.equal((await rows()).length, count);
    const forged = await post(ann, 'forged', { csrf: bob.csrf });
    assert.equal(forged.statusCode, 403);
    const signedOut = await inject(t.app, {
      method: 'POST',
      url: `/community/articles/${article.id}/comments`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://daily.test' },
      payload: 'body=hello',
    });
    assert.equal(signedOut.statusCode, 401);
    for (const url of [
      '/community/articles/abc/comments',
      '/community/articles/99999999999999999999/comments',
      '/community/articles/424242/comments',
    ]) {
      const res = await ann.form(url, { body: 'hello' });
      assert.equal(res.statusCode, 404, url);
    }
    assert.equal((await rows()).length, count);
  });

  test('a reply to a deleted comment is refused with a clear message', async () => {
    const top = postedId(await post(bob, 'Soon gone'));
    assert.equal((await bob.form(`/community/comments/${top}/delete`, {})).statusCode, 303);
    const res = await post(ann, 'Too late', { parent: String(top) });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /The comment you replied to was deleted/);
    assert.equal((await rows()).filter((r) => r.body === 'Too late').length, 0);
  });

  test('edit own within 5 minutes; not others’, not later; delete own leaves a placeholder only when replied to', async () => {
    const id = postedId(await post(ann, 'Typo hree'));
    assert.equal((await bob.form(`/community/comments/${id}/edit`, { body: 'Hijack' })).statusCode, 403);
    assert.equal((await ann.form(`/community/comments/${id}/edit`, { body: 'Typo here' })).statusCode, 303);
    const edited = (await rows()).find((r) => r.id === id)!;
    assert.equal(edited.body, 'Typo here');
    assert.ok(edited.edited_at);
    setNow(now + 5 * 60_000 + 1);
    const late = await ann.form(`/community/comments/${id}/edit`, { body: 'Too late' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /can be edited for 5 minutes/);
    const replied = postedId(await post(ann, 'Will be answered'));
    await post(bob, 'Answer', { parent: String(replied) });
    assert.equal((await ann.form(`/community/comments/${replied}/delete`, {})).statusCode, 303);
    assert.equal((await ann.form(`/community/comments/${id}/delete`, {})).statusCode, 303);
    assert.equal((await bob.form(`/community/comments/${id}/delete`, {})).statusCode, 404);
    const view = await page(`/community/articles/${article.id}`);
    assert.match(view.body, new RegExp(`id="comment-${replied}"><p>This comment was deleted.</p>`));
    assert.doesNotMatch(view.body, new RegExp(`id="comment-${id}"`));
  });

  test('likes toggle, and the threads sort by newest, oldest and most liked', async () => {
    const other = await t.publish({ headline: 'Sorting story' });
    const a = postedId(await post(ann, 'Alpha', {}, other.id));
    const b = postedId(await post(ann, 'Bravo', {}, other.id));
    assert.equal((await bob.form(`/community/comments/${a}/like`, {})).statusCode, 303);
    const order = async (sort: string) => {
      const body = (await bob.get(`/community/articles/${other.id}?sort=${sort}`)).body;
      return [a, b].sort((x, y) => body.indexOf(`id="comment-${x}"`) - body.indexOf(`id="comment-${y}"`));
    };
    assert.deepEqual(await order('newest'), [b, a]);
    assert.deepEqual(await order('oldest'), [a, b]);
    assert.deepEqual(await order('liked'), [a, b]);
    const liked = await bob.get(`/community/articles/${other.id}`);
    assert.match(
      liked.body,
      /aria-pressed="true">Liked<\/button> <span class="comment-likes"><span class="like-count">1<\/span> like/,
    );
    await bob.form(`/community/comments/${a}/like`, {});
    const row = (await rows(other.id)).find((r) => r.id === a)!;
    assert.equal(Number(row.like_count), 0);
  });

  test('report with a reason, once per reader', async () => {
    const id = postedId(await post(ann, 'Reportable'));
    const bad = await bob.form(`/community/comments/${id}/report`, { reason: 'nonsense' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Choose why you are reporting/);
    const ok = await bob.form(`/community/comments/${id}/report`, {
      reason: 'spam',
      note: 'Looks like an ad',
    });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Thank you for your report/);
    await bob.form(`/community/comments/${id}/report`, { reason: 'spam' });
    const row = (await rows()).find((r) => r.id === id)!;
    assert.equal(Number(row.report_count), 1);
  });

  test('pages of comments work without JavaScript', async () => {
    const busy = await t.publish({ headline: 'Busy story' });
    for (let i = 0; i < 22; i++) {
      const res = await post(i % 2 ? ann : bob, `Comment number ${i}`, {}, busy.id);
      assert.equal(res.statusCode, 303, res.body);
    }
    const first = await page(`/world/${busy.slug}/${busy.id}`);
    assert.match(first.body, /22 comments/);
    assert.match(
      first.body,
      new RegExp(`href="/community/articles/${busy.id}\\?page=2#comments">More comments`),
    );
    const second = await page(`/community/articles/${busy.id}?page=2`);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /Comment number 1</);
    assert.doesNotMatch(second.body, /Comment number 21</);
    assert.equal((await page(`/community/articles/${busy.id}?page=3`)).statusCode, 404);
    assert.equal((await page(`/community/articles/${busy.id}?page=x`)).statusCode, 404);
    const section = await page('/world');
    assert.match(section.body, new RegExp(`href="/world/${busy.slug}/${busy.id}#comments">22 comments</a>`));
  });

  test('closed threads refuse posts with a clear message: per article and per brand after N days', async () => {
    const closed = await t.publish({ headline: 'Closed story', commentsEnabled: false });
    const res = await post(ann, 'Hello?', {}, closed.id);
    assert.equal(res.statusCode, 403);
    assert.match(
      res.body,
      /<p class="form-problem" role="alert">Comments are closed for this article; nothing was posted.<\/p>/,
    );
    assert.equal((await rows(closed.id)).length, 0);
    assert.match(
      (await page(`/world/${closed.slug}/${closed.id}`)).body,
      /Comments are closed for this article/,
    );

    await t.database.db.updateTable('sites').set({ comments_close_after_days: 2 }).execute();
    const fresh = await t.publish({ headline: 'Fresh story' });
    try {
      assert.equal((await post(ann, 'Within two days', {}, fresh.id)).statusCode, 303);
      setNow(fresh.publishedAt!.getTime() + 2 * 86_400_000);
      const old = await post(ann, 'After two days', {}, fresh.id);
      assert.equal(old.statusCode, 403);
    } finally {
      await t.database.db.updateTable('sites').set({ comments_close_after_days: null }).execute();
    }
  });

  test('a suspended or banned account is told so and nothing is stored', async () => {
    const cy = await joinAsReader(t.app, t.sink, 'cy@example.com', 'Cy');
    const until = new Date(now + 86_400_000).toISOString();
    await t.database.db
      .updateTable('readers')
      .set({ suspended_until: until })
      .where('email', '=', 'cy@example.com')
      .execute();
    const suspended = await post(cy, 'Let me in');
    assert.equal(suspended.statusCode, 403);
    assert.ok(suspended.body.includes(`suspended from commenting until ${new Date(until).toUTCString()}`));
    await t.database.db
      .updateTable('readers')
      .set({ banned_at: new Date(now).toISOString() })
      .where('email', '=', 'cy@example.com')
      .execute();
    const banned = await post(cy, 'Let me in');
    assert.equal(banned.statusCode, 403);
    assert.match(banned.body, /may no longer post comments/);
    assert.equal((await rows()).filter((r) => r.body === 'Let me in').length, 0);
  });

  test('the same words twice on one article are refused as a duplicate', async () => {
    assert.equal((await post(bob, 'Same words')).statusCode, 303);
    const again = await post(bob, 'Same words');
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /already posted this comment/);
  });
});
