/**
 * Starting a node against Redis: a bad REDIS_URL and an unreachable Redis each stop the start
 * with one line naming REDIS_URL and a non-zero exit; `worker` runs without a web server, and
 * `serve --no-jobs` says where the jobs went.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { loadConfig, openDatabase, systemClock } from '../platform/index.ts';
import { freePort } from '../testing/free-port.ts';
import { REDIS_URL, randomPrefix, redisAvailable } from '../testing/redis.ts';
import { createSmallSite } from '../testing/small-site.ts';

const bin = fileURLToPath(new URL('../../bin/dateline.js', import.meta.url));
const workdir = mkdtempSync(join(tmpdir(), 'dateline-redis-cli-'));

function env(extra: Record<string, string>) {
  const { DATABASE_URL: _d, REDIS_URL: _r, ...base } = process.env;
  return { ...base, LOG_LEVEL: 'silent', ...extra };
}

function run(args: string[], extra: Record<string, string>) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: workdir,
    env: env(extra),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Starts a long-running command, waits for `ready` on stdout (and `whileUp`), stops it with SIGTERM. */
async function startAndStop(
  args: string[],
  extra: Record<string, string>,
  ready: RegExp,
  whileUp: () => Promise<void> = async () => {},
) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: workdir, env: env(extra) });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 180_000;
  while (!ready.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      assert.fail(`did not get ready: ${out} ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    await whileUp();
  } finally {
    child.kill('SIGTERM');
  }
  return { code: await exited, out, err };
}

describe('starting against Redis', () => {
  after(() => rmSync(workdir, { recursive: true, force: true }));

  test('a REDIS_URL that is not a Redis URL names the setting, in one line, exit 1', () => {
    for (const bad of ['not a url', 'http://127.0.0.1:6379']) {
      const { code, err } = run(['serve', '--port', '0'], {
        REDIS_URL: bad,
        DATABASE_URL: 'sqlite::memory:',
      });
      assert.equal(code, 1);
      assert.equal(err.trim().split('\n').length, 1, err);
      assert.match(err, /^dateline: REDIS_URL: /);
    }
  });

  test('a bad REDIS_PREFIX or JOBS names the setting', () => {
    const prefix = run(['serve'], { REDIS_PREFIX: 'has spaces', DATABASE_URL: 'sqlite::memory:' });
    assert.equal(prefix.code, 1);
    assert.match(prefix.err, /^dateline: REDIS_PREFIX: /);
    const jobs = run(['serve'], { JOBS: 'sometimes', DATABASE_URL: 'sqlite::memory:' });
    assert.equal(jobs.code, 1);
    assert.match(jobs.err, /^dateline: JOBS: must be on or off/);
  });

  test('an unreachable Redis stops the start with one line saying so', async () => {
    const port = await freePort();
    const started = Date.now();
    const { code, out, err } = run(['serve', '--port', '0'], {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      DATABASE_URL: `sqlite:${join(workdir, 'unreachable.db')}`,
    });
    assert.equal(code, 1, out + err);
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.match(
      err,
      new RegExp(`^dateline: REDIS_URL: cannot reach Redis at redis://127\\.0\\.0\\.1:${port}`),
    );
    assert.doesNotMatch(out, /serving/);
    assert.ok(Date.now() - started < 120_000, 'the start gives up within seconds, not forever');
  });

  test('`dateline worker` runs the jobs without a web server and stops on SIGTERM', async (t) => {
    if (!(await redisAvailable())) return t.skip('Redis is not available');
    const { code, out } = await startAndStop(
      ['worker'],
      { REDIS_URL, REDIS_PREFIX: randomPrefix(), DATABASE_URL: `sqlite:${join(workdir, 'worker.db')}` },
      /Dateline worker: running/,
    );
    assert.equal(code, 0);
    assert.doesNotMatch(out, /serving/);
    assert.match(out, /finishing the jobs in flight/);
  });

  test('`dateline serve --no-jobs` serves and says the jobs are left to a worker', async () => {
    const { code, out } = await startAndStop(
      ['serve', '--port', '0', '--no-jobs'],
      { DATABASE_URL: `sqlite:${join(workdir, 'web.db')}` },
      /Press Ctrl-C/,
    );
    assert.equal(code, 0);
    assert.match(out, /Background jobs are off here: run `dateline worker`/);
  });

  test('a scheduled article waits while only `serve --no-jobs` runs, and `worker` publishes it', async () => {
    const url = `sqlite:${join(workdir, 'jobs.db')}`;
    const database = await openDatabase(url);
    const app = await buildApp({
      config: loadConfig({ env: { DATABASE_URL: url, LOG_LEVEL: 'silent' } }),
      database,
    });
    const { site, world } = await createSmallSite(app.services.content, systemClock.now());
    const due = new Date(Date.now() + 1500);
    const article = await app.services.content.createArticle(
      { siteId: site.id, sectionId: world.id, headline: 'Council meets at noon' },
      { savedBy: null },
      { publish: due },
    );
    await app.close();
    const status = async () =>
      (
        await database.db
          .selectFrom('articles')
          .select('status')
          .where('id', '=', article.id)
          .executeTakeFirstOrThrow()
      ).status;
    try {
      await startAndStop(
        ['serve', '--port', '0', '--no-jobs'],
        { DATABASE_URL: url },
        /Press Ctrl-C/,
        async () => {
          await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now()) + 1500));
          assert.equal(await status(), 'scheduled', 'a web node with --no-jobs runs no jobs');
        },
      );
      await startAndStop(['worker'], { DATABASE_URL: url }, /Dateline worker: running/, async () => {
        const deadline = Date.now() + 30_000;
        while ((await status()) !== 'published') {
          if (Date.now() > deadline) assert.fail('the worker did not publish the article');
          await new Promise((r) => setTimeout(r, 200));
        }
      });
    } finally {
      await database.close();
    }
  });
});
