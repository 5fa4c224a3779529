import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Article } from '../../content/index.ts';
import { ADMIN, type SignedInClient, signIn } from '../../testing/admin-api.ts';
import { buildCommunityTestApp, inject, joinAsReader, type ReaderClient } from '../../testing/community.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';

describe('moderation through the admin API', async () => {
  let t: Awaited<ReturnType<typeof buildCommunityTestApp>>;
  let mod: SignedInClient;
  let editor: SignedInClient;
  let ann: ReaderClient;
  let bob: ReaderClient;
  let article: Article;
  let articlePath: string;
  let now = TEST_NOW.getTime();
  before(async () => {
    t = await buildCommunityTestApp();
    mod = await signIn(t.app, 'moderator@daily.test');
    editor = await signIn(t.app, 'editor@daily.test');
    ann = await joinAsReader(t.app, t.sink, 'ann@example.com', 'Ann', { notifyReplies: true });
    bob = await joinAsReader(t.app, t.sink, 'bob@example.com', 'Bob');
    article = await t.publish();
    articlePath = `/world/${article.slug}/${article.id}`;
  });
  after(async () => t.app.close());

  const post = (reader: ReaderClient, body: string, extra: Record<string, string> = {}) => {
    now += 15_000;
    t.clock.set(new Date(now));
    return reader.form(`/community/articles/${article.id}/comments`, { body, ...extra });
  };
  const postedId = (res: { headers: Record<string, unknown> }) =>
    Number(/posted=(\d+)/.exec(String(res.headers.location))![1]);
  const queue = async (name: string) =>
    (
      (await mod.request({ method: 'GET', url: `${ADMIN}/comments?queue=${name}` })).json().data as {
        id: number;
      }[]
    ).map((c) => c.id);
  const articlePage = () => inject(t.app, { method: 'GET', url: articlePath });
  const siteId = () => t.fixture.site.id;
  const readerId = async (email: string) =>
    (
      await t.database.db
        .selectFrom('readers')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const audit = async (action: string) => {
    const admin = await signIn(t.app, 'admin@daily.test');
    return (await admin.request({ method: 'GET', url: `${ADMIN}/audit?action=${action}` })).json().data as {
      subjectId: number;
      userId: number;
    }[];
  };

  test('the queues need a session, the permission and a valid queue name', async () => {
    assert.equal(
      (await inject(t.app, { method: 'GET', url: `${ADMIN}/comments?queue=pending` })).statusCode,
      401,
    );
    const writer = await signIn(t.app, 'writer@daily.test');
    assert.equal(
      (await writer.request({ method: 'GET', url: `${ADMIN}/comments?queue=pending` })).statusCode,
      403,
    );
    const bad = await mod.request({ method: 'GET', url: `${ADMIN}/comments?queue=everything` });
    assert.equal(bad.statusCode, 422);
    assert.equal((await mod.request({ method: 'GET', url: `${ADMIN}/comments` })).statusCode, 422);
    assert.equal(
      (await mod.request({ method: 'POST', url: `${ADMIN}/comments/1/approve`, csrf: false })).statusCode,
      403,
    );
    const missing = await mod.request({ method: 'POST', url: `${ADMIN}/comments/424242/approve` });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error, 'COMMENT_NOT_FOUND');
    // Moderators moderate; managing the brand's settings is for editors and admins.
    assert.equal(
      (
        await mod.request({
          method: 'PUT',
          url: `${ADMIN}/sites/${siteId()}/community`,
          payload: { moderationMode: 'pre' },
        })
      ).statusCode,
      403,
    );
  });

  test('pre-moderation: nothing shows before approval; approving shows it on the next request and is audited', async () => {
    const set = await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${siteId()}/community`,
      payload: { moderationMode: 'pre' },
    });
    assert.equal(set.statusCode, 200);
    assert.equal(set.json().moderationMode, 'pre');
    const id = postedId(await post(ann, 'Held for review'));
    assert.deepEqual(await queue('pending'), [id]);
    assert.doesNotMatch((await articlePage()).body, new RegExp(`id="comment-${id}"`));
    const approved = await mod.request({ method: 'POST', url: `${ADMIN}/comments/${id}/approve` });
    assert.equal(approved.statusCode, 200);
    assert.equal(approved.json().status, 'approved');
    assert.match((await articlePage()).body, new RegExp(`id="comment-${id}"`));
    assert.deepEqual(await queue('pending'), []);
    const entries = await audit('comment.approve');
    assert.equal(entries[0]!.subjectId, id);
    assert.equal(entries[0]!.userId, mod.user.id);
    await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${siteId()}/community`,
      payload: { moderationMode: 'post' },
    });
  });

  test('a held reply is announced to the parent’s author when it is approved, not before', async () => {
    const parent = postedId(await post(ann, 'Parent comment'));
    await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${siteId()}/community`,
      payload: { moderationMode: 'pre' },
    });
    const before = t.sink.to('ann@example.com').length;
    const reply = postedId(await post(bob, 'A held reply', { parent: String(parent) }));
    await t.app.services.community.notifications.idle();
    assert.equal(t.sink.to('ann@example.com').length, before);
    await mod.request({ method: 'POST', url: `${ADMIN}/comments/${reply}/approve` });
    await t.app.services.community.notifications.idle();
    assert.equal(t.sink.to('ann@example.com').length, before + 1);
    await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${siteId()}/community`,
      payload: { moderationMode: 'post' },
    });
  });

  test('rejecting takes a comment down at once; it waits in the rejected queue', async () => {
    const id = postedId(await post(bob, 'Soon rejected'));
    assert.match((await articlePage()).body, new RegExp(`id="comment-${id}"`));
    const rejected = await mod.request({
      method: 'POST',
      url: `${ADMIN}/comments/${id}/reject`,
      payload: { reason: 'off topic' },
    });
    assert.equal(rejected.json().status, 'rejected');
    assert.doesNotMatch((await articlePage()).body, new RegExp(`id="comment-${id}"`));
    assert.ok((await queue('rejected')).includes(id));
    assert.equal((await audit('comment.reject'))[0]!.subjectId, id);
  });

  test('reported comments queue up; approving dismisses the reports', async () => {
    const id = postedId(await post(ann, 'Controversial but fine'));
    await bob.form(`/community/comments/${id}/report`, { reason: 'abusive', note: 'rude' });
    assert.deepEqual(await queue('reported'), [id]);
    const one = await mod.request({ method: 'GET', url: `${ADMIN}/comments/${id}` });
    assert.deepEqual(
      one.json().reportList.map((r: { reason: string }) => r.reason),
      ['abusive'],
    );
    await mod.request({ method: 'POST', url: `${ADMIN}/comments/${id}/approve` });
    assert.deepEqual(await queue('reported'), []);
  });

  test('a queue page carries its counts, the article, the report reasons and the author’s standing', async () => {
    const id = postedId(await post(ann, 'Reported twice'));
    await bob.form(`/community/comments/${id}/report`, { reason: 'spam', note: 'an advert' });
    const res = await mod.request({
      method: 'GET',
      url: `${ADMIN}/comments?queue=reported&site=${siteId()}`,
    });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.counts.reported, 1);
    assert.equal(typeof body.counts.pending, 'number');
    assert.ok(body.counts.rejected >= 1);
    const [item] = body.data;
    assert.equal(item.id, id);
    assert.deepEqual(item.article, {
      id: article.id,
      headline: article.headline,
      discussionPath: `/community/articles/${article.id}`,
    });
    assert.deepEqual(item.reportReasons, [{ reason: 'spam', count: 1 }]);
    assert.deepEqual(item.reportNotes, ['an advert']);
    assert.equal(item.authorStanding, 'good');
    await mod.request({ method: 'POST', url: `${ADMIN}/comments/${id}/reject` });
  });

  test('acting on a comment already moderated is refused with a clear message; nothing changes', async () => {
    const id = postedId(await post(ann, 'Fine as it is'));
    const again = await mod.request({ method: 'POST', url: `${ADMIN}/comments/${id}/approve` });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'COMMENT_MODERATION_REFUSED');
    assert.match(again.json().message, /already approved/);
    await mod.request({ method: 'POST', url: `${ADMIN}/comments/${id}/reject` });
    const twice = await mod.request({ method: 'POST', url: `${ADMIN}/comments/${id}/reject` });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().message, /already rejected/);
    assert.equal((await audit('comment.reject')).filter((e) => e.subjectId === id).length, 1);
    // A rejected comment may still be approved (a moderator's second thought).
    const approved = await mod.request({ method: 'POST', url: `${ADMIN}/comments/${id}/approve` });
    assert.equal(approved.json().status, 'approved');
  });

  test("the brand's own banned words, and the profanity list, hold comments", async () => {
    const put = await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${siteId()}/community`,
      payload: { bannedWords: ['Crypto', '  crypto ', 'x'] },
    });
    assert.deepEqual(put.json().bannedWords, ['crypto']);
    const brand = postedId(await post(bob, 'Buy CRYYPTO today'));
    const profane = postedId(await post(bob, 'What sh1t this is'));
    const rows = await t.database.db
      .selectFrom('comments')
      .select(['id', 'status', 'hold_reason'])
      .where('id', 'in', [brand, profane])
      .orderBy('id')
      .execute();
    assert.deepEqual(rows, [
      { id: brand, status: 'pending', hold_reason: 'banned-words' },
      { id: profane, status: 'pending', hold_reason: 'banned-words' },
    ]);
    const invalid = await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${siteId()}/community`,
      payload: { closeAfterDays: 0 },
    });
    assert.equal(invalid.statusCode, 422);
  });

  test('suspend until a time, ban, reinstate: the reader is told, and each is audited', async () => {
    const bobId = await readerId('bob@example.com');
    const past = await mod.request({
      method: 'POST',
      url: `${ADMIN}/readers/${bobId}/suspend`,
      payload: { until: '2020-01-01T00:00:00Z' },
    });
    assert.equal(past.statusCode, 409);
    const malformed = await mod.request({
      method: 'POST',
      url: `${ADMIN}/readers/${bobId}/suspend`,
      payload: { until: 'tomorrow' },
    });
    assert.equal(malformed.statusCode, 422);
    const until = new Date(now + 3 * 86_400_000).toISOString();
    const suspended = await mod.request({
      method: 'POST',
      url: `${ADMIN}/readers/${bobId}/suspend`,
      payload: { until, reason: 'insults' },
    });
    assert.equal(suspended.json().suspendedUntil, until);
    const refused = await post(bob, 'Am I suspended?');
    assert.equal(refused.statusCode, 403);
    assert.ok(refused.body.includes(`suspended from commenting until ${new Date(until).toUTCString()}`));
    await mod.request({ method: 'POST', url: `${ADMIN}/readers/${bobId}/ban` });
    assert.match((await post(bob, 'And now?')).body, /may no longer post comments/);
    await mod.request({ method: 'POST', url: `${ADMIN}/readers/${bobId}/reinstate` });
    assert.equal((await post(bob, 'Back again')).statusCode, 303);
    for (const action of ['reader.suspend', 'reader.ban', 'reader.reinstate']) {
      assert.equal((await audit(action))[0]!.subjectId, bobId, action);
    }
    assert.equal((await mod.request({ method: 'POST', url: `${ADMIN}/readers/424242/ban` })).statusCode, 404);
  });

  test("a commenter's history at a glance", async () => {
    const bobId = await readerId('bob@example.com');
    const res = await mod.request({ method: 'GET', url: `${ADMIN}/readers/${bobId}` });
    assert.equal(res.statusCode, 200);
    const history = res.json();
    assert.equal(history.reader.displayName, 'Bob');
    assert.equal(history.comments.rejected, 1);
    assert.equal(history.comments.pending, 2);
    assert.ok(history.comments.approved >= 2);
    assert.ok(history.recent.length >= 5);
    assert.equal(history.recent[0].text, 'Back again');
    assert.equal(history.recent[0].article.headline, article.headline);
    assert.equal(history.hasMore, false);
    // The moderation actions on Bob and on his comments, newest first, with who took them.
    const actions = history.actions.map((a: { action: string }) => a.action);
    assert.deepEqual(actions.slice(0, 3), ['reader.reinstate', 'reader.ban', 'reader.suspend']);
    assert.ok(actions.includes('comment.reject'));
    assert.equal(history.actions[0].by, mod.user.name);
    const second = await mod.request({ method: 'GET', url: `${ADMIN}/readers/${bobId}?page=2` });
    assert.deepEqual(second.json().recent, []);
    const bad = await mod.request({ method: 'GET', url: `${ADMIN}/readers/${bobId}?page=0` });
    assert.equal(bad.statusCode, 422);
  });

  test('banning twice or reinstating someone in good standing is refused, not repeated', async () => {
    const annId = await readerId('ann@example.com');
    const reinstate = await mod.request({ method: 'POST', url: `${ADMIN}/readers/${annId}/reinstate` });
    assert.equal(reinstate.statusCode, 409);
    assert.match(reinstate.json().message, /neither suspended nor banned/);
    assert.equal(
      (await mod.request({ method: 'POST', url: `${ADMIN}/readers/${annId}/ban` })).statusCode,
      200,
    );
    const twice = await mod.request({ method: 'POST', url: `${ADMIN}/readers/${annId}/ban` });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().message, /already banned/);
    await mod.request({ method: 'POST', url: `${ADMIN}/readers/${annId}/reinstate` });
  });
});
