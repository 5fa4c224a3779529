import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from '../../testing/databases.ts';
import { fixedClock } from '../clock.ts';
import type { DatabaseHandle } from '../database/database.ts';
import { writeTime } from '../database/dialect.ts';
import { createLogger } from '../logger.ts';
import { JobQueue } from './job-queue.ts';

const T0 = new Date('2026-03-08T05:00:00Z');
const logger = createLogger('silent');

for (const dialect of testDialects) {
  describe(`job queue (${dialect.name})`, () => {
    let handle: DatabaseHandle | null;
    before(async () => {
      handle = await dialect.open();
    });
    after(() => handle?.close());

    const fresh = async () => {
      await handle!.db.deleteFrom('jobs').execute();
      const clock = fixedClock(T0);
      return { clock, queue: new JobQueue({ db: handle!.db, clock, logger, retryDelayMs: () => 60_000 }) };
    };

    test('a due job runs once and is marked done; a future one waits for its time', async (t) => {
      if (!handle) return t.skip('no PostgreSQL');
      const { clock, queue } = await fresh();
      const seen: unknown[] = [];
      queue.register<{ n: number }>('count', async (payload) => {
        seen.push(payload.n);
      });
      await queue.enqueue('count', { n: 1 });
      await queue.enqueue('count', { n: 2 }, { runAt: new Date(T0.getTime() + 3_600_000) });
      assert.equal(await queue.runDue(), 1);
      assert.deepEqual(seen, [1]);
      assert.equal(await queue.runDue(), 0);
      clock.set(new Date(T0.getTime() + 3_600_000));
      assert.equal(await queue.runDue(), 1);
      assert.deepEqual(seen, [1, 2]);
      assert.deepEqual(
        (await queue.list()).map((j) => j.status),
        ['done', 'done'],
      );
    });

    test('the same key keeps one pending job, with the latest time and payload; cancel drops it', async (t) => {
      if (!handle) return t.skip('no PostgreSQL');
      const { queue } = await fresh();
      queue.register('publish', async () => {});
      await queue.enqueue('publish', { at: 1 }, { key: 'publish:7', runAt: new Date(T0.getTime() + 1000) });
      await queue.enqueue('publish', { at: 2 }, { key: 'publish:7', runAt: new Date(T0.getTime() + 5000) });
      const pending = await queue.list({ key: 'publish:7' });
      assert.equal(pending.length, 1);
      assert.deepEqual(pending[0]!.payload, { at: 2 });
      assert.equal(pending[0]!.runAt.getTime(), T0.getTime() + 5000);
      assert.equal(await queue.cancel('publish:7'), 1);
      assert.equal((await queue.list()).length, 0);
    });

    test('a failing job is retried after the delay, then marked failed with its error', async (t) => {
      if (!handle) return t.skip('no PostgreSQL');
      const { clock, queue } = await fresh();
      let calls = 0;
      queue.register('flaky', async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      });
      await queue.enqueue('flaky', {}, { maxAttempts: 2 });
      assert.equal(await queue.runDue(), 1);
      let [job] = await queue.list();
      assert.equal(job!.status, 'pending');
      assert.equal(job!.lastError, 'boom 1');
      assert.equal(await queue.runDue(), 0, 'not before the retry delay');
      clock.set(new Date(T0.getTime() + 60_000));
      assert.equal(await queue.runDue(), 1);
      [job] = await queue.list();
      assert.equal(job!.status, 'failed');
      assert.equal(job!.attempts, 2);
      assert.equal(job!.lastError, 'boom 2');
    });

    test('a job whose worker died (lease ran out) is claimed again', async (t) => {
      if (!handle) return t.skip('no PostgreSQL');
      const { clock, queue } = await fresh();
      let runs = 0;
      queue.register('work', async () => {
        runs += 1;
      });
      await queue.enqueue('work', {});
      // Another process claimed it and was killed: running, lease until one minute from now.
      await handle!.db
        .updateTable('jobs')
        .set({ status: 'running', attempts: 1, locked_until: writeTime(new Date(T0.getTime() + 60_000)) })
        .execute();
      assert.equal(await queue.runDue(), 0, 'not while the lease holds');
      clock.set(new Date(T0.getTime() + 61_000));
      assert.equal(await queue.runDue(), 1);
      assert.equal(runs, 1);
      assert.equal((await queue.list())[0]!.status, 'done');
    });

    test('two workers on one database run each job exactly once', async (t) => {
      if (!handle) return t.skip('no PostgreSQL');
      await handle!.db.deleteFrom('jobs').execute();
      const clock = fixedClock(T0);
      const runs = new Map<number, number>();
      const make = () => {
        const queue = new JobQueue({ db: handle!.db, clock, logger });
        queue.register<{ n: number }>('once', async ({ n }) => {
          runs.set(n, (runs.get(n) ?? 0) + 1);
        });
        return queue;
      };
      const [a, b] = [make(), make()];
      for (let n = 0; n < 40; n++) await a.enqueue('once', { n });
      const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
      assert.equal(ranA + ranB, 40);
      assert.equal(runs.size, 40);
      assert.ok([...runs.values()].every((count) => count === 1));
    });

    test('start() runs jobs as they come due and stop() waits for the one in flight', async (t) => {
      if (!handle) return t.skip('no PostgreSQL');
      await handle!.db.deleteFrom('jobs').execute();
      const queue = new JobQueue({ db: handle!.db, clock: { now: () => new Date() }, logger });
      let finished = false;
      let started!: () => void;
      const startedPromise = new Promise<void>((resolve) => {
        started = resolve;
      });
      queue.register('slow', async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished = true;
      });
      queue.start({ pollMs: 20 });
      await queue.enqueue('slow', {});
      await startedPromise;
      await queue.stop();
      assert.equal(finished, true);
      assert.equal((await queue.list())[0]!.status, 'done');
    });
  });
}
