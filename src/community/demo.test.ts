import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createStaffUser } from '../newsroom/index.ts';
import { ADMIN, PASSWORD, signIn } from '../testing/admin-api.ts';
import { buildDemoApp, someArticlePath } from '../testing/demo-app.ts';
import { seedDemoCommunity } from './index.ts';

describe('the demo community', async () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildDemoApp();
  });
  after(async () => app?.close());

  const rows = () =>
    app.services.database.db
      .selectFrom('comments')
      .select(['id', 'article_id', 'status', 'report_count', 'hold_reason', 'created_at'])
      .orderBy('id')
      .execute();

  test('a few readers and comments: approved, pending and one reported; never in the future', async () => {
    const comments = await rows();
    assert.equal(comments.length, 6);
    assert.deepEqual(
      comments.map((c) => c.status),
      ['approved', 'approved', 'approved', 'pending', 'approved', 'pending'],
    );
    assert.deepEqual(
      comments.filter((c) => Number(c.report_count) > 0).map((c) => c.id),
      [comments[2]!.id],
    );
    const now = app.services.clock.now().getTime();
    for (const c of comments) assert.ok(new Date(c.created_at).getTime() <= now);
    const readers = await app.services.database.db.selectFrom('readers').select('display_name').execute();
    assert.equal(readers.length, 4);
  });

  test('seeding again adds nothing', async () => {
    assert.equal(
      await seedDemoCommunity(app.services.database.db, app.services.content, { now: new Date() }),
      0,
    );
    assert.equal((await rows()).length, 6);
  });

  test('the newest article shows its thread; the queues are not empty', async () => {
    const page = await app.inject({ method: 'GET', url: await someArticlePath(app) });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /3 comments/);
    assert.match(page.body, /Worth a follow-up then\./);
    assert.doesNotMatch(page.body, /background-reading/);
    await createStaffUser(app.services.database.db, {
      email: 'mod@demo.test',
      role: 'moderator',
      name: 'Demo Moderator',
      password: PASSWORD,
      at: new Date(),
    });
    const mod = await signIn(app, 'mod@demo.test');
    const pending = (await mod.request({ method: 'GET', url: `${ADMIN}/comments?queue=pending` })).json();
    assert.equal(pending.data.length, 2);
    assert.deepEqual(pending.counts, { pending: 2, reported: 1, rejected: 0 });
  });
});
