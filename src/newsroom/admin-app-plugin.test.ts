import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Fastify from 'fastify';
import { adminAppPlugin } from './admin-app-plugin.ts';

describe('serving the admin web app', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-admin-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Dateline newsroom</title>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  const app = Fastify();
  await app.register(adminAppPlugin, { dir });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true });
  });

  test('every path under /admin answers index.html, revalidated, with a strict CSP', async () => {
    for (const url of ['/admin/', '/admin/articles', '/admin/articles/12?x=1', '/admin/sign-in']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /Dateline newsroom/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.match(String(res.headers['content-type']), /^text\/html/);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    }
    const bare = await app.inject({ url: '/admin' });
    assert.equal(bare.statusCode, 301);
    assert.equal(bare.headers.location, '/admin/');
  });

  test('hashed assets are immutable and compressed; a missing one is a 404, not the app', async () => {
    const res = await app.inject({
      url: '/admin/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(String(res.headers['content-type']), /^text\/javascript/);
    assert.ok(res.rawPayload.length < 1000);
    const missing = await app.inject({ url: '/admin/assets/nope-123.js' });
    assert.equal(missing.statusCode, 404);
  });

  test('without a build it says how to make one', async () => {
    const empty = Fastify();
    await empty.register(adminAppPlugin, { dir: join(dir, 'missing') });
    const res = await empty.inject({ url: '/admin/articles' });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /npm run build:admin/);
    await empty.close();
  });
});
