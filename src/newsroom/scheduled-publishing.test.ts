/**
 * Durable scheduled publishing through the admin API: a story scheduled before a restart is
 * published by the job after it, exactly once, on both dialects. The "restart" is a second app
 * built on the same database file (or PostgreSQL schema).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { fixedClock, openDatabase } from '../platform/index.ts';
import { ADMIN, PASSWORD, signIn } from '../testing/admin-api.ts';
import { postgresDialect, type TestDialect, testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { buildTestApp } from '../testing/test-app.ts';
import { createStaffUser } from './index.ts';
import { PUBLISH_JOB, publishJobKey } from './scheduled-publishing.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);

/** A database that outlives one app: a SQLite file, or a PostgreSQL schema. */
async function durableDatabase(dialect: TestDialect): Promise<{ url: string; drop(): Promise<void> } | null> {
  if (dialect.name === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-schedule-'));
    return {
      url: `sqlite:${join(dir, 'dateline.db')}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const handle = await postgresDialect.open();
  return handle ? { url: handle.url, drop: () => handle.close() } : null;
}

async function appOn(url: string, clock: ReturnType<typeof fixedClock>): Promise<FastifyInstance> {
  const database = await openDatabase(url);
  const app = await buildTestApp({ database: { ...database, url }, clock });
  app.addHook('onClose', () => database.close());
  return app;
}

for (const dialect of testDialects) {
  describe(`scheduled publishing survives a restart (${dialect.name})`, () => {
    test('schedule, reschedule, restart, come due: published once, audited as the system', async (t) => {
      const store = await durableDatabase(dialect);
      if (!store) return t.skip('no PostgreSQL');
      try {
        // Before the restart: an editor schedules, then reschedules.
        const first = await appOn(store.url, fixedClock(TEST_NOW));
        const fixture = await createSmallSite(first.services.content, TEST_NOW);
        const created = await createStaffUser(first.services.database.db, {
          email: 'editor@daily.test',
          role: 'editor',
          password: PASSWORD,
          at: TEST_NOW,
        });
        assert.ok(created.ok);
        const editor = await signIn(first, 'editor@daily.test');
        const draft = await editor.request({
          method: 'POST',
          url: `${ADMIN}/articles`,
          payload: { siteId: fixture.site.id, sectionId: fixture.europe.id, headline: 'Dawn edition story' },
        });
        const { id } = draft.json() as { id: number };
        for (const when of [at(HOUR), at(2 * HOUR)]) {
          const res = await editor.request({
            method: 'POST',
            url: `${ADMIN}/articles/${id}/schedule`,
            payload: { at: when.toISOString() },
          });
          assert.equal(res.statusCode, 200, res.body);
        }
        const pending = await first.services.jobs.list({ key: publishJobKey(id) });
        assert.equal(pending.length, 1, 'rescheduling replaced the job');
        assert.equal(pending[0]!.runAt.toISOString(), at(2 * HOUR).toISOString());
        await first.close();

        // After the restart, at the first time: nothing is due any more.
        const clock = fixedClock(at(HOUR + 1000));
        const second = await appOn(store.url, clock);
        try {
          const events: number[] = [];
          second.services.events.on('article.changed', (e) => events.push(e.articleId));
          assert.equal(await second.services.jobs.runDue(), 0);

          // Due: the page is right at the second (by query) and the job makes it final.
          clock.set(at(2 * HOUR + 1500));
          const page = await second.inject({ method: 'GET', url: '/', headers: { host: 'daily.test' } });
          assert.match(page.body, /Dawn edition story/);
          assert.equal(await second.services.jobs.runDue(), 1);
          const article = await second.services.content.articles.findById(id);
          assert.equal(article?.status, 'published');
          assert.equal(article?.publishedAt?.toISOString(), at(2 * HOUR).toISOString());
          assert.deepEqual(events, [id]);

          const audit = await second.services.newsroom.audit.list({ action: 'article.publish' });
          assert.equal(audit.items.length, 1);
          assert.equal(audit.items[0]!.userId, null);
          assert.equal(audit.items[0]!.details.scheduledFor, at(2 * HOUR).toISOString());

          // A repeated job (another node, a crash before it was marked done) changes nothing.
          await second.services.jobs.enqueue(PUBLISH_JOB, { articleId: id, at: at(2 * HOUR).toISOString() });
          assert.equal(await second.services.jobs.runDue(), 1);
          assert.equal((await second.services.content.articles.findById(id))?.revision, article?.revision);
          assert.equal((await second.services.newsroom.audit.list({ action: 'article.publish' })).total, 1);
          assert.deepEqual(events, [id]);
          assert.equal(await second.services.jobs.runDue(), 0);
        } finally {
          await second.close();
        }
      } finally {
        await store.drop();
      }
    });
  });
}

describe('publishing now or taking down cancels the job', async () => {
  const { buildAdminTestApp } = await import('../testing/admin-api.ts');

  test('publish now: the job is gone; unpublish before the time: back to draft, no job', async () => {
    const { app, fixture, users, clock } = await buildAdminTestApp();
    try {
      const editor = await signIn(app, users.editor.email);
      const make = async (headline: string) => {
        const res = await editor.request({
          method: 'POST',
          url: `${ADMIN}/articles`,
          payload: { siteId: fixture.site.id, sectionId: fixture.europe.id, headline },
        });
        const { id } = res.json() as { id: number };
        const scheduled = await editor.request({
          method: 'POST',
          url: `${ADMIN}/articles/${id}/schedule`,
          payload: { at: at(HOUR).toISOString() },
        });
        assert.equal(scheduled.statusCode, 200);
        assert.equal((await app.services.jobs.list({ key: publishJobKey(id), status: 'pending' })).length, 1);
        return id;
      };
      const now = await make('Published early');
      const res = await editor.request({ method: 'POST', url: `${ADMIN}/articles/${now}/publish` });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().publishedAt, TEST_NOW.toISOString());
      assert.deepEqual(await app.services.jobs.list({ key: publishJobKey(now), status: 'pending' }), []);

      const pulled = await make('Pulled before its time');
      const down = await editor.request({ method: 'POST', url: `${ADMIN}/articles/${pulled}/unpublish` });
      assert.equal(down.statusCode, 200, down.body);
      assert.equal(down.json().status, 'draft');
      assert.equal(down.json().publishedAt, null);
      assert.deepEqual(await app.services.jobs.list({ key: publishJobKey(pulled), status: 'pending' }), []);

      // An article scheduled without the API (an import) gets its job when the worker starts.
      const imported = await make('Imported');
      await app.services.jobs.cancel(publishJobKey(imported));
      assert.equal(await app.services.newsroom.publishing.catchUp(), 1);
      assert.equal(
        (await app.services.jobs.list({ key: publishJobKey(imported), status: 'pending' })).length,
        1,
      );

      // Due by query but not yet flipped by the job: taking it down still works (410 for readers).
      const due = await make('Seen, then pulled');
      clock.set(at(HOUR + 1));
      const gone = await editor.request({ method: 'POST', url: `${ADMIN}/articles/${due}/unpublish` });
      assert.equal(gone.json().status, 'unpublished');
      // Only the imported article's job is left to run.
      assert.equal(await app.services.jobs.runDue(), 1);
      assert.equal((await app.services.content.articles.findById(imported))?.status, 'published');
      assert.equal((await app.services.content.articles.findById(due))?.status, 'unpublished');
    } finally {
      await app.close();
    }
  });
});

describe('catch-up at start', async () => {
  const { buildAdminTestApp } = await import('../testing/admin-api.ts');

  test('105 scheduled articles: two jobs queries (one per hundred), a job each but the one already run for its time', async () => {
    const { app, fixture, database } = await buildAdminTestApp();
    try {
      const { content, jobs } = app.services;
      const ids: number[] = [];
      for (let i = 0; i < 105; i++) {
        const draft = await content.createArticle(
          {
            siteId: fixture.site.id,
            sectionId: fixture.world.id,
            headline: `Imported ${i}`,
            body: [{ type: 'paragraph', text: 'Text' }],
          },
          { savedBy: null },
        );
        ids.push((await content.scheduleArticle(draft.id, at(HOUR + i * 1000), { savedBy: null })).id);
      }
      // The first article's job already ran (on another node) for its time; the second's ran for
      // an earlier time, so it still needs one.
      const ran = async (id: number, when: Date) => {
        await jobs.enqueue(
          PUBLISH_JOB,
          { articleId: id, at: when.toISOString() },
          { key: publishJobKey(id) },
        );
        await database.db
          .updateTable('jobs')
          .set({ status: 'done' })
          .where('key', '=', publishJobKey(id))
          .execute();
      };
      await ran(ids[0]!, at(HOUR));
      await ran(ids[1]!, at(0));

      let queries = 0;
      const list = jobs.list.bind(jobs);
      jobs.list = (filter) => {
        queries++;
        return list(filter);
      };
      assert.equal(await app.services.newsroom.publishing.catchUp(), 105);
      jobs.list = list;
      assert.equal(queries, 2);

      const pending = await jobs.list({ kind: PUBLISH_JOB, status: 'pending' });
      assert.deepEqual(pending.map((job) => job.key).sort(), ids.slice(1).map(publishJobKey).sort());
      const second = pending.find((job) => job.key === publishJobKey(ids[1]!));
      assert.deepEqual(second?.payload, { articleId: ids[1], at: at(HOUR + 1000).toISOString() });
    } finally {
      await app.close();
    }
  });
});
