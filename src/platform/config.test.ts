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
