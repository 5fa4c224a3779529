import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults keep data in ./data under the current directory', () => {
  const config = loadConfig({ env: {}, cwd: '/srv/news' });
  assert.equal(config.databaseUrl, `sqlite:${path.join('/srv/news', 'data', 'dateline.db')}`);
  assert.equal(config.mediaDir, path.join('/srv/news', 'data', 'media'));
  assert.equal(config.port, 3000);
  assert.ok(Object.isFrozen(config));
});

test('lease durations default to a minute (jobs) and 30 s (editions), and can be shortened', () => {
  const defaults = loadConfig({ env: {} });
  assert.equal(defaults.jobLeaseMs, 60_000);
  assert.equal(defaults.newsletterSendLeaseMs, 30_000);
  const short = loadConfig({ env: { JOB_LEASE_MS: '3000', NEWSLETTER_SEND_LEASE_MS: '2000' } });
  assert.equal(short.jobLeaseMs, 3000);
  assert.equal(short.newsletterSendLeaseMs, 2000);
});

test('flags win over the environment', () => {
  const config = loadConfig({
    env: { PORT: '4000', DATABASE_URL: 'postgres://a@b/c' },
    flags: { port: '5000' },
  });
  assert.equal(config.port, 5000);
  assert.equal(config.databaseUrl, 'postgres://a@b/c');
});

test('each bad value is refused with a message naming its setting', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ DATABASE_URL: 'mongodb://x/y' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ SECRET_KEY: 'too-short' }, 'SECRET_KEY'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PAGE_CACHE: 'maybe' }, 'PAGE_CACHE'],
    [{ HOST: 'bad host!' }, 'HOST'],
    [{ JOB_LEASE_MS: 'soon' }, 'JOB_LEASE_MS'],
    [{ JOB_LEASE_MS: '10' }, 'JOB_LEASE_MS'],
    [{ NEWSLETTER_SEND_LEASE_MS: '1.5' }, 'NEWSLETTER_SEND_LEASE_MS'],
  ];
  for (const [env, setting] of cases) {
    assert.throws(
      () => loadConfig({ env }),
      (error: unknown) =>
        error instanceof ConfigError && error.setting === setting && error.message.startsWith(`${setting}: `),
      setting,
    );
  }
});
