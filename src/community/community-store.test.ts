/** The community's repositories and services on both dialects (PostgreSQL is real). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createContentService } from '../content/index.ts';
import { createAuditLog } from '../newsroom/index.ts';
import { createLogger, EventBus, fixedClock, type MailMessage } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { createCommunity } from './index.ts';

for (const dialect of testDialects) {
  describe(`community store on ${dialect.name}`, async () => {
    const database = await dialect.open();
    if (!database) return;
    const clock = fixedClock(TEST_NOW);
    let now = TEST_NOW.getTime();
    const tick = (ms = 15_000) => {
      now += ms;
      clock.set(new Date(now));
    };
    const sent: MailMessage[] = [];
    const events = new EventBus();
    const changed: number[] = [];
    events.on('comments.changed', (e) => changed.push(e.articleId));
    const content = createContentService({ db: database.db, events, clock });
    const community = createCommunity({
      db: database.db,
      clock,
      mailer: {
        send: async (m) => {
          sent.push(m);
          return { messageId: m.messageId ?? 'x', response: '250 ok' };
        },
        sendRaw: async () => ({ messageId: 'raw', response: '250 ok' }),
        close: async () => {},
      },
      content,
      events,
      audit: createAuditLog(database.db),
      logger: createLogger('silent'),
      originFor: () => 'http://daily.test',
    });
    let fixture: Awaited<ReturnType<typeof createSmallSite>>;
    let articleId: number;
    before(async () => {
      await content.load();
      fixture = await createSmallSite(content, TEST_NOW);
      const draft = await content.createArticle(
        { siteId: fixture.site.id, sectionId: fixture.world.id, headline: 'Stored story' },
        { savedBy: null },
      );
      articleId = (await content.publishArticle(draft.id, { savedBy: null })).id;
    });
    after(async () => {
      await community.close();
      await database.close();
    });

    const reader = async (email: string, name: string, notify = false) => {
      const r = await community.readers.findOrCreate(email, clock.now());
      return community.readers.updateProfile(r.id, {
        displayName: name,
        guidelinesAcceptedAt: clock.now(),
        notifyReplies: notify,
      });
    };

    test('sign-in links work once and sessions verify', async () => {
      await community.accounts.requestLink({
        email: ' Ann@Example.com ',
        site: fixture.site,
        origin: 'http://daily.test',
        returnPath: '//evil.example',
        ip: '10.1.1.1',
      });
      const token = /token=([\w-]{43})/.exec(sent.at(-1)!.text)![1]!;
      const first = await community.accounts.signIn(token);
      assert.equal(first.reader.email, 'ann@example.com');
      assert.equal(first.returnPath, '/', 'only paths of this site');
      await assert.rejects(community.accounts.signIn(token), { code: 'COMMUNITY_LINK_INVALID' });
      const verified = await community.readers.verifySession(first.sessionToken);
      assert.equal(verified?.reader.id, first.reader.id);
      await community.accounts.signOut(first.sessionToken);
      assert.equal(await community.readers.verifySession(first.sessionToken), null);
    });

    test('post, reply, sort, like, report, count; the reply is announced once', async () => {
      const ann = await reader('ann@example.com', 'Ann', true);
      const bob = await reader('bob@example.com', 'Bob');
      tick();
      const top = await community.comments.post({
        reader: ann,
        site: fixture.site,
        articleId,
        parentId: null,
        body: 'Top\r\n\r\ncomment',
        ip: '10.0.0.1',
      });
      assert.equal(top.status, 'approved');
      assert.equal(top.body, 'Top\n\ncomment');
      tick();
      const second = await community.comments.post({
        reader: bob,
        site: fixture.site,
        articleId,
        parentId: null,
        body: 'Second',
        ip: '10.0.0.2',
      });
      tick();
      const reply = await community.comments.post({
        reader: bob,
        site: fixture.site,
        articleId,
        parentId: top.id,
        body: 'Reply',
        ip: '10.0.0.2',
      });
      tick();
      const nested = await community.comments.post({
        reader: ann,
        site: fixture.site,
        articleId,
        parentId: reply.id,
        body: 'Nested',
        ip: '10.0.0.1',
      });
      assert.equal(nested.threadId, top.id);
      await community.notifications.idle();
      const announcements = sent.filter((m) => m.subject.includes('replied'));
      assert.equal(announcements.length, 1);
      assert.equal(announcements[0]!.to, 'ann@example.com');
      community.notifications.dispatch();
      await community.notifications.idle();
      assert.equal(sent.filter((m) => m.subject.includes('replied')).length, 1);

      assert.equal((await community.comments.like({ reader: bob, commentId: top.id })).liked, true);
      const newest = await community.comments.thread({
        articleId,
        sort: 'newest',
        page: 1,
        pageSize: 20,
        viewerId: null,
      });
      assert.deepEqual(
        newest.items.map((i) => i.comment.id),
        [second.id, top.id],
      );
      assert.deepEqual(
        newest.items[1]!.replies.map((r) => r.id),
        [reply.id, nested.id],
      );
      assert.equal(newest.count, 4);
      assert.equal(newest.total, 2);
      const liked = await community.comments.thread({
        articleId,
        sort: 'liked',
        page: 1,
        pageSize: 20,
        viewerId: null,
      });
      assert.deepEqual(
        liked.items.map((i) => i.comment.id),
        [top.id, second.id],
      );
      const oldest = await community.comments.thread({
        articleId,
        sort: 'oldest',
        page: 2,
        pageSize: 1,
        viewerId: null,
      });
      assert.deepEqual(
        oldest.items.map((i) => i.comment.id),
        [second.id],
      );
      assert.equal((await community.comments.like({ reader: bob, commentId: top.id })).liked, false);
      assert.equal((await community.comments.findById(top.id))!.likeCount, 0);

      assert.equal(
        (await community.comments.report({ reader: bob, commentId: top.id, reason: 'spam', note: '' }))
          .recorded,
        true,
      );
      assert.equal(
        (await community.comments.report({ reader: bob, commentId: top.id, reason: 'spam', note: '' }))
          .recorded,
        false,
      );
      assert.deepEqual([...(await community.comments.counts([articleId, 999_999]))], [[articleId, 4]]);
      assert.ok(changed.includes(articleId));
    });

    test('moderation: queues, approve, reject, suspend, history, settings and guidelines', async () => {
      const staff = await database.db
        .insertInto('staff_users')
        .values({
          email: 'mod@daily.test',
          name: 'Mod',
          role: 'moderator',
          password_hash: 'x',
          created_at: TEST_NOW.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const settings = await community.moderation.updateSettings(
        fixture.site.id,
        { moderationMode: 'pre', bannedWords: ['Crypto!', 'crypto'], closeAfterDays: 30 },
        staff.id,
      );
      assert.deepEqual(
        [settings.moderationMode, settings.bannedWords, settings.closeAfterDays],
        ['pre', ['crypto'], 30],
      );
      const cy = await reader('cy@example.com', 'Cy');
      tick();
      const held = await community.comments.post({
        reader: cy,
        site: fixture.site,
        articleId,
        parentId: null,
        body: 'Held',
        ip: '10.0.0.3',
      });
      assert.deepEqual([held.status, held.holdReason], ['pending', 'premoderation']);
      const pending = await community.moderation.queue({
        queue: 'pending',
        siteId: fixture.site.id,
        page: 1,
        pageSize: 10,
      });
      assert.deepEqual(
        pending.items.map((c) => c.id),
        [held.id],
      );
      assert.equal((await community.moderation.approve(held.id, staff.id)).status, 'approved');
      assert.equal(
        (await community.moderation.reject(held.id, staff.id, 'second thoughts')).status,
        'rejected',
      );
      const reported = await community.moderation.queue({ queue: 'reported', page: 1, pageSize: 10 });
      assert.equal(reported.items.length, 1);
      // The screen's view of the same queue: counts, reasons and standing in a few queries.
      const view = await community.moderation.queueView({ queue: 'reported', page: 1, pageSize: 10 });
      assert.deepEqual(view.counts, { pending: 0, reported: 1, rejected: 1 });
      const [item] = view.items;
      assert.ok(view.reports.get(item!.id)!.reasons.length >= 1);
      assert.equal(view.standings.get(item!.readerId!)!.bannedAt, null);
      await community.moderation.suspend(cy.id, new Date(now + 86_400_000), staff.id, null);
      tick();
      await assert.rejects(
        community.comments.post({
          reader: (await community.readers.findById(cy.id))!,
          site: fixture.site,
          articleId,
          parentId: null,
          body: 'Again',
          ip: '10.0.0.3',
        }),
        { code: 'COMMUNITY_ACCOUNT_SUSPENDED' },
      );
      const history = await community.moderation.history(cy.id);
      assert.equal(history.byStatus.rejected, 1);
      assert.deepEqual(
        history.recent.map((c) => c.id),
        [held.id],
      );
      await community.moderation.updateGuidelines(
        fixture.site.id,
        { title: 'Rules', sections: [{ heading: 'One', paragraphs: ['Be kind.'] }] },
        staff.id,
      );
      assert.equal((await community.moderation.guidelinesOf(fixture.site.id, 'Daily Test')).title, 'Rules');
      await community.moderation.updateGuidelines(fixture.site.id, null, staff.id);
      assert.equal((await community.moderation.guidelinesOf(fixture.site.id, 'Daily Test')).custom, false);
      const audit = await database.db.selectFrom('audit_log').select('action').orderBy('id').execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          'community.settings',
          'comment.approve',
          'comment.reject',
          'reader.suspend',
          'community.guidelines.update',
          'community.guidelines.reset',
        ],
      );
      await community.moderation.updateSettings(
        fixture.site.id,
        { moderationMode: 'post', closeAfterDays: null },
        staff.id,
      );
    });

    test('export and delete an account: the words go, the places of replied comments stay', async () => {
      const ann = (await community.readers.findOrCreate('ann@example.com', clock.now()))!;
      const data = await community.accounts.exportData(ann);
      assert.ok(data.comments.length >= 2);
      await community.accounts.deleteAccount(ann);
      assert.equal(await community.readers.findById(ann.id), null);
      const rows = await database.db
        .selectFrom('comments')
        .select(['body', 'status', 'reader_id'])
        .where('body', 'in', ['Top\n\ncomment', 'Nested'])
        .execute();
      assert.deepEqual(rows, []);
      const thread = await community.comments.thread({
        articleId,
        sort: 'oldest',
        page: 1,
        pageSize: 20,
        viewerId: null,
      });
      const placeholder = thread.items.find((i) => i.comment.status === 'deleted');
      assert.ok(placeholder, 'the replied-to comment stays as a placeholder');
      assert.equal(placeholder.comment.body, '');
    });
  });
}
