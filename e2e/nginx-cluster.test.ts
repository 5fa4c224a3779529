/**
 * Debian's nginx in front of two Dateline nodes on one database, configured from the reference
 * file docs/nginx/dateline.conf (ports, paths and the purge agent's address swapped for this
 * test's own), each node with its own page cache (purged across nodes through Redis pub/sub when
 * Redis is there): both nodes get traffic, pages are served from nginx's cache, an edit through the
 * admin API is purged by surrogate key and visible at once, and with both nodes stopped nginx
 * still serves the article (stale-if-error).
 *
 * PostgreSQL (one schema for both nodes) when it is there, else one SQLite file; without nginx
 * the test is skipped outside CI and fails under CI=true.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type NginxPurgeAgent, startNginxPurgeAgent } from '../src/platform/cdn/index.ts';
import { type Clock, migrateToLatest, openDatabase } from '../src/platform/index.ts';
import { ADMIN, buildAdminTestApp, type SignedInClient, signIn } from '../src/testing/admin-api.ts';
import { postgresDialect, type TestDialect } from '../src/testing/databases.ts';
import { freePort } from '../src/testing/free-port.ts';
import { dropPrefix, REDIS_URL, randomPrefix, redisAvailable } from '../src/testing/redis.ts';
import { buildTestApp } from '../src/testing/test-app.ts';

const nginxPresent = spawnSync('nginx', ['-v']).status === 0;
if (!nginxPresent) {
  if (process.env.CI === 'true') throw new Error('nginx is required under CI (apt-get install nginx)');
  console.log('# notice: nginx is not installed; skipping the nginx cluster test');
}

const S_MAXAGE = 3;
const TOKEN = 'purge-token-for-this-test';
const realClock: Clock & { set(at: Date | string): void } = { now: () => new Date(), set() {} };

/** The reference file with this test's ports and directories; everything else as shipped. */
async function nginxConfig(options: { port: number; nodes: number[]; agentPort: number; dir: string }) {
  const reference = await readFile(new URL('../docs/nginx/dateline.conf', import.meta.url), 'utf8');
  const swaps: [string, string][] = [
    ['pid /run/nginx-dateline.pid;', `pid ${options.dir}/nginx.pid;`],
    ['/var/log/nginx/dateline-error.log', `${options.dir}/error.log`],
    ['/var/log/nginx/dateline-access.log', `${options.dir}/access.log`],
    ['/var/cache/nginx/dateline-temp', `${options.dir}/temp`],
    ['/var/cache/nginx/dateline ', `${options.dir}/cache `],
    ['worker_processes auto;', 'worker_processes 1;'],
    ['worker_connections 4096;', 'worker_connections 256;'],
    ['server 127.0.0.1:3001', `server 127.0.0.1:${options.nodes[0]}`],
    ['server 127.0.0.1:3002', `server 127.0.0.1:${options.nodes[1]}`],
    ['listen 80;', `listen 127.0.0.1:${options.port};`],
    ['proxy_pass http://127.0.0.1:8079/purge;', `proxy_pass http://127.0.0.1:${options.agentPort}/purge;`],
  ];
  let config = reference;
  for (const [from, to] of swaps) {
    assert.ok(config.includes(from), `the reference config still has "${from}"`);
    config = config.split(from).join(to);
  }
  // Workers run as the current user (as root, nginx would otherwise switch them to nobody, who
  // cannot enter this test's private directory).
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  return user + config;
}

describe('nginx in front of two nodes', { skip: !nginxPresent, timeout: 120_000 }, () => {
  let dir = '';
  let nginx: ChildProcess | null = null;
  let agent: NginxPurgeAgent;
  let nodeA: FastifyInstance | null = null;
  let nodeB: FastifyInstance | null = null;
  let editor: SignedInClient;
  let origin = '';
  let articlePath = '';
  let articleId = 0;
  const served = { a: 0, b: 0 };
  let redisPrefix = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-nginx-'));
    await mkdir(join(dir, 'temp'), { recursive: true });
    await mkdir(join(dir, 'cache'), { recursive: true });
    const nginxPort = await freePort();
    origin = `http://127.0.0.1:${nginxPort}`;
    agent = await startNginxPurgeAgent({ cacheDir: join(dir, 'cache'), token: TOKEN });

    // One database for both nodes: a PostgreSQL schema, or one SQLite file when there is none.
    const pgProbe = await postgresDialect.open();
    const dialect: TestDialect = pgProbe
      ? { name: 'postgres', open: async () => pgProbe }
      : {
          name: 'sqlite',
          async open() {
            const url = `sqlite:${join(dir, 'shared.db')}`;
            const handle = await openDatabase(url);
            await migrateToLatest(handle);
            return { ...handle, url };
          },
        };
    // Both caches on, as in production: nginx's, and each node's own page cache, which the other
    // node's purges reach through Redis pub/sub (without Redis, only nginx caches).
    const redis = await redisAvailable();
    if (redis) redisPrefix = randomPrefix();
    const env = {
      ...(redis ? { PAGE_CACHE: 'true', REDIS_URL, REDIS_PREFIX: redisPrefix } : { PAGE_CACHE: 'false' }),
      CACHE_CONTROL_ARTICLE: `s-maxage=${S_MAXAGE}, stale-while-revalidate=0`,
      CDN_PURGE: 'generic',
      CDN_PURGE_URL: `${origin}/_dateline/purge`,
      CDN_PURGE_TOKEN: TOKEN,
      CDN_PURGE_DELAY_MS: '50',
    };
    const built = await buildAdminTestApp({ clock: realClock, dialect, env });
    nodeA = built.app;
    const a = built.app;
    const shared = await openDatabase(built.database.url);
    nodeB = await buildTestApp({
      database: { ...shared, url: built.database.url },
      clock: realClock,
      env: { ...env, DATELINE_DATA_DIR: built.dataDir },
    });
    nodeB.addHook('onClose', () => shared.close());
    const b = nodeB;
    a.addHook('onRequest', async () => void served.a++);
    b.addHook('onRequest', async () => void served.b++);
    await a.listen({ port: 0, host: '127.0.0.1' });
    await b.listen({ port: 0, host: '127.0.0.1' });
    for (const node of [a, b]) node.services.jobs.start({ pollMs: 50 });

    const config = await nginxConfig({
      port: nginxPort,
      nodes: [a, b].map((node) => (node.server.address() as { port: number }).port),
      agentPort: agent.port,
      dir,
    });
    await writeFile(join(dir, 'nginx.conf'), config);
    const check = spawnSync('nginx', [
      '-t',
      '-p',
      dir,
      '-e',
      join(dir, 'error.log'),
      '-c',
      join(dir, 'nginx.conf'),
    ]);
    assert.equal(check.status, 0, `nginx -t: ${check.stderr}`);
    nginx = spawn(
      'nginx',
      ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${origin}/healthz`).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // An article published through the admin API.
    editor = await signIn(a, built.users.editor.email);
    const { fixture } = built;
    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: {
        siteId: fixture.site.id,
        sectionId: fixture.europe.id,
        headline: 'Harbor bridge reopens',
        tagIds: [fixture.tags[0]!.id],
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const article = created.json() as { id: number; slug: string };
    articleId = article.id;
    const published = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles/${article.id}/publish`,
    });
    assert.equal(published.statusCode, 200, published.body);
    articlePath = `/${fixture.world.path}/${fixture.europe.slug}/${article.slug}/${article.id}`;
  });

  after(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((resolve) => nginx!.once('exit', resolve));
    }
    await nodeB?.close();
    await nodeA?.close();
    await agent?.close();
    if (redisPrefix) await dropPrefix(redisPrefix);
    if (process.env.KEEP_NGINX_LOG)
      console.log(await readFile(join(dir, 'error.log'), 'utf8').catch(() => ''));
    if (dir && !process.env.KEEP_NGINX_LOG) await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(`${origin}${path}`, { headers: { host: 'daily.test' } });

  test('requests through nginx reach both nodes', async () => {
    const before = { ...served };
    for (let i = 0; i < 6; i++) {
      const r = await get('/healthz');
      assert.equal(r.status, 200, await r.text());
    }
    assert.ok(served.a > before.a, 'node A answered');
    assert.ok(served.b > before.b, 'node B answered');
  });

  test('a page is served from nginx’s cache with its keys and lifetimes', async () => {
    const first = await get(articlePath);
    assert.equal(first.status, 200);
    assert.ok((await first.text()).includes('Harbor bridge reopens'));
    assert.match(first.headers.get('x-cache-status') ?? '', /^(MISS|EXPIRED)$/);
    assert.match(
      first.headers.get('cache-control') ?? '',
      new RegExp(`s-maxage=${S_MAXAGE}\\b.*stale-if-error=86400`),
    );
    assert.ok((first.headers.get('surrogate-key') ?? '').split(' ').includes(`article:${articleId}`));
    const count = served.a + served.b;
    const second = await get(articlePath);
    assert.equal(second.headers.get('x-cache-status'), 'HIT');
    assert.equal(served.a + served.b, count, 'no node was asked');
  });

  test('an edit through the admin API is purged by key and shows at once', async () => {
    assert.equal((await get(articlePath)).headers.get('x-cache-status'), 'HIT');
    const edited = await editor.request({
      method: 'PATCH',
      url: `${ADMIN}/articles/${articleId}`,
      payload: { expectedRevision: 2, headline: 'Harbor bridge reopens to traffic', announce: true },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const start = Date.now();
    let seen: Response | null = null;
    while (Date.now() - start < S_MAXAGE * 1000 - 500) {
      const response = await get(articlePath);
      if ((await response.text()).includes('reopens to traffic')) {
        seen = response;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(seen, `the edit showed within ${Date.now() - start} ms, before s-maxage ran out`);
    // Purged (the file is gone), not expired: nginx calls that a MISS.
    assert.equal(seen.headers.get('x-cache-status'), 'MISS');
    assert.deepEqual(await nodeA!.services.cdnPurger!.pending(), [], 'nothing left to purge');
  });

  test('with both nodes stopped, nginx serves the cached article (stale-if-error)', async () => {
    const fresh = await get(articlePath);
    assert.ok((await fresh.text()).includes('reopens to traffic'));
    assert.deepEqual(await nodeA!.services.cdnPurger!.pending(), []);
    await nodeB!.close();
    nodeB = null;
    await nodeA!.close();
    nodeA = null;
    await new Promise((resolve) => setTimeout(resolve, S_MAXAGE * 1000 + 500));
    const stale = await get(articlePath);
    assert.equal(stale.status, 200);
    assert.ok((await stale.text()).includes('reopens to traffic'));
    assert.match(stale.headers.get('x-cache-status') ?? '', /^(STALE|UPDATING)$/);
    const uncached = await get('/world?page=7');
    assert.equal(uncached.status, 502, 'a page never cached has nothing to fall back on');
  });
});
