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
import { freePort, REDIS_URL, randomPrefix, redisAvailable } from '../testing/redis.ts';

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
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Starts a long-running command, waits for `ready` on stdout, stops it with SIGTERM. */
async function startAndStop(args: string[], extra: Record<string, string>, ready: RegExp) {
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
  const deadline = Date.now() + 60_000;
  while (!ready.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      assert.fail(`did not get ready: ${out} ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
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
    assert.ok(Date.now() - started < 30_000);
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
});
