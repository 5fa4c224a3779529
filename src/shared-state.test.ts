/**
 * Several nodes on one PostgreSQL schema and one Redis prefix (issue 9, shared state): a staff
 * session from node A opens node B, a rate limit counts both nodes' requests, an edit on A is on
 * B's next page within a second (pub/sub), and when Redis goes away both keep serving on their
 * own state, say so once, and pick the shared state up again when it returns.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { createStaffUser } from './newsroom/index.ts';
import { fixedClock, loadConfig, openDatabase } from './platform/index.ts';
import { ADMIN, PASSWORD, signIn } from './testing/admin-api.ts';
import { postgresDialect } from './testing/databases.ts';
import { TEST_NOW } from './testing/fixed-time.ts';
import { dropPrefix, ownRedisServer, REDIS_URL, randomPrefix, redisAvailable } from './testing/redis.ts';
import { createSmallSite } from './testing/small-site.ts';

interface Node {
  readonly app: FastifyInstance;
  /** The node's log lines, parsed. */
  readonly logs: { level: number; msg: string }[];
}

/** Two nodes (separate apps, pools and Redis connections) over one database and prefix. */
async function twoNodes(redisUrl: string, prefix: string) {
  const database = await postgresDialect.open();
  if (!database) return null;
  const dataDir = await mkdtemp(join(tmpdir(), 'dateline-nodes-'));
  const clock = fixedClock(TEST_NOW);
  const env = {
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    DATELINE_DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
  };
  const nodes: Node[] = [];
  let fixture: Awaited<ReturnType<typeof createSmallSite>> | undefined;
  for (const name of ['a', 'b']) {
    const logs: Node['logs'] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
        done();
      },
    });
    // Node B opens its own pool on the same schema, as another machine would.
    const handle = name === 'a' ? database : await openDatabase(database.url);
    const app = await buildApp({
      config: loadConfig({ env }),
      clock,
      database: handle,
      logger: pino({ level: 'info', base: { node: name } }, sink),
    });
    if (name === 'b') app.addHook('onClose', () => handle.close());
    nodes.push({ app, logs });
    if (name === 'a') {
      fixture = await createSmallSite(app.services.content, TEST_NOW);
      const created = await createStaffUser(database.db, {
        email: 'editor@daily.test',
        role: 'editor',
        name: 'Eddie Editor',
        password: PASSWORD,
        at: TEST_NOW,
      });
      assert.ok(created.ok);
    }
  }
  const [a, b] = nodes as [Node, Node];
  const draft = await a.app.services.content.createArticle(
    { siteId: fixture!.site.id, sectionId: fixture!.world.id, headline: 'Harbour bridge reopens' },
    { savedBy: null },
    { publish: 'now' },
  );
  return {
    a,
    b,
    articleId: draft.id,
    async close() {
      await b.app.close();
      await a.app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const home = (node: Node) => node.app.inject({ url: '/', headers: { host: 'daily.test' } });

/** Renames the article on `from` and answers how long `to`'s home page took to show it (ms). */
async function editSeenWithin(from: Node, to: Node, articleId: number, headline: string): Promise<number> {
  const before = await home(to);
  assert.equal(before.statusCode, 200);
  assert.ok(!before.body.includes(headline));
  // The same request again is answered from B's page cache: the edit must purge it.
  assert.equal((await home(to)).body, before.body);
  const { content } = from.app.services;
  const current = await content.articles.findById(articleId);
  const started = performance.now();
  await content.editArticle(articleId, { headline }, { savedBy: null, expectedRevision: current!.revision });
  for (;;) {
    const res = await home(to);
    const elapsed = performance.now() - started;
    if (res.body.includes(headline)) return elapsed;
    if (elapsed > 3000)
      assert.fail(`node B still shows the old page ${Math.round(elapsed)} ms after the edit`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('two nodes sharing PostgreSQL and Redis', async () => {
  if (!(await redisAvailable())) return;
  const prefix = randomPrefix();
  let nodes: NonNullable<Awaited<ReturnType<typeof twoNodes>>> | null = null;
  before(async () => {
    nodes = await twoNodes(REDIS_URL, prefix);
  });
  after(async () => {
    await nodes?.close();
    await dropPrefix(prefix);
  });

  test('a staff session started on node A is accepted on node B, and signing out on B ends it on A', async (t) => {
    if (!nodes) return t.skip('PostgreSQL is not available');
    const staff = await signIn(nodes.a.app, 'editor@daily.test');
    const onB = await nodes.b.app.inject({ url: `${ADMIN}/session`, headers: { cookie: staff.cookie } });
    assert.equal(onB.statusCode, 200, onB.body);
    assert.equal(onB.json().user.email, 'editor@daily.test');
    const out = await nodes.b.app.inject({
      method: 'DELETE',
      url: `${ADMIN}/session`,
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken },
    });
    assert.ok(out.statusCode < 300, out.body);
    const onA = await nodes.a.app.inject({ url: `${ADMIN}/session`, headers: { cookie: staff.cookie } });
    assert.equal(onA.statusCode, 401);
  });

  test('the password-reset limit counts the requests of both nodes together', async (t) => {
    if (!nodes) return t.skip('PostgreSQL is not available');
    const ask = (node: Node, i: number) =>
      node.app.inject({
        method: 'POST',
        url: `${ADMIN}/password-reset`,
        payload: { email: `nobody${i}@daily.test` },
        remoteAddress: '203.0.113.77',
      });
    // Ten a client in 15 minutes: five on each node use them up, whichever node is asked next.
    for (let i = 0; i < 10; i++) assert.equal((await ask(i % 2 ? nodes.b : nodes.a, i)).statusCode, 202);
    const refused = await ask(nodes.a, 10);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.json().message, /Too many reset requests/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await ask(nodes.b, 11)).statusCode, 429);
  });

  test('an edit on node A is on node B’s next page within a second', async (t) => {
    if (!nodes) return t.skip('PostgreSQL is not available');
    const elapsed = await editSeenWithin(nodes.a, nodes.b, nodes.articleId, 'Harbour bridge reopens early');
    assert.ok(elapsed < 1000, `seen after ${Math.round(elapsed)} ms`);
    const back = await editSeenWithin(nodes.b, nodes.a, nodes.articleId, 'Harbour bridge reopens at dawn');
    assert.ok(back < 1000, `seen after ${Math.round(back)} ms`);
  });

  test('/readyz and /metrics say Redis is up', async (t) => {
    if (!nodes) return t.skip('PostgreSQL is not available');
    const ready = await nodes.a.app.inject({ url: '/readyz' });
    assert.deepEqual(ready.json(), { status: 'ready', redis: 'up' });
    const metrics = await nodes.b.app.inject({ url: '/metrics' });
    assert.match(metrics.body, /^dateline_redis_up 1$/m);
  });
});

describe('Redis stopped and started again under traffic', async () => {
  if (!(await redisAvailable())) return;
  let redis: Awaited<ReturnType<typeof ownRedisServer>>;
  let nodes: NonNullable<Awaited<ReturnType<typeof twoNodes>>> | null = null;
  before(async () => {
    redis = await ownRedisServer();
    nodes = await twoNodes(redis.url, randomPrefix());
  });
  after(async () => {
    await nodes?.close();
    await redis.stop();
  });

  const outageLines = (node: Node) => node.logs.filter((l) => /Redis is unreachable/.test(l.msg));
  const backLines = (node: Node) => node.logs.filter((l) => /Redis is back/.test(l.msg));
  async function until(check: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  test('both nodes keep serving on their own state, log the outage once, then recover', async (t) => {
    if (!nodes) return t.skip('PostgreSQL is not available');
    const { a, b } = nodes;
    await redis.stop();
    // Traffic through the outage: pages, sign-in, limits; no 5xx anywhere.
    const started = Date.now();
    let requests = 0;
    while (Date.now() - started < 2500) {
      for (const node of [a, b]) {
        assert.equal((await home(node)).statusCode, 200);
        const reset = await node.app.inject({
          method: 'POST',
          url: `${ADMIN}/password-reset`,
          payload: { email: 'editor@daily.test' },
          remoteAddress: `198.51.100.${requests % 200}`,
        });
        assert.ok([202, 429].includes(reset.statusCode), `${reset.statusCode} ${reset.body}`);
        requests += 2;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const staff = await signIn(a.app, 'editor@daily.test');
    assert.equal(
      (await b.app.inject({ url: `${ADMIN}/session`, headers: { cookie: staff.cookie } })).statusCode,
      200,
    );
    for (const node of [a, b]) {
      assert.equal(outageLines(node).length, 1, 'one error line for the outage, not one per retry');
      assert.equal(outageLines(node)[0]!.level, 50);
      const ready = await node.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 200, 'a node without Redis still serves');
      assert.equal(ready.json().redis, 'down');
      assert.match((await node.app.inject({ url: '/metrics' })).body, /^dateline_redis_up 0$/m);
    }
    // Within the outage an edit on A is still on A at once (its own cache follows its own events).
    const headline = 'Ferry timetable changes';
    const current = await a.app.services.content.articles.findById(nodes.articleId);
    await a.app.services.content.editArticle(
      nodes.articleId,
      { headline },
      { savedBy: null, expectedRevision: current!.revision },
    );
    assert.ok((await home(a)).body.includes(headline));

    await redis.start();
    await until(
      async () =>
        (await a.app.inject({ url: '/readyz' })).json().redis === 'up' &&
        b.app.services.shared.redisStatus() === 'up',
      'both nodes to see Redis again',
    );
    for (const node of [a, b]) assert.equal(backLines(node).length, 1);
    // B missed A's event during the outage; coming back it dropped its cache, so it shows the edit.
    assert.ok((await home(b)).body.includes(headline));
    // And invalidation across nodes works again.
    const elapsed = await editSeenWithin(a, b, nodes.articleId, 'Ferry timetable restored');
    assert.ok(elapsed < 1000, `seen after ${Math.round(elapsed)} ms`);
    assert.match((await a.app.inject({ url: '/metrics' })).body, /^dateline_redis_up 1$/m);
    requests;
  });
});
