/**
 * Two `dateline serve` nodes on one PostgreSQL database (a dedicated cluster this test starts,
 * never the machine's shared one): a scheduled article is published exactly once with both
 * running; then PostgreSQL is stopped under a request loop and started again: cached pages stay
 * 200, everything else answers 503 with a message (never 500), and both nodes recover by
 * themselves with no committed write lost.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type DatelineNode,
  seedNodeDatabase,
  signInToNode,
  startDatelineNode,
  stopDatelineNodes,
} from '../src/testing/dateline-node.ts';
import { TEST_SECRET } from '../src/testing/newsletter.ts';
import { type PgCluster, pgQuery, startPgCluster } from '../src/testing/pg-cluster.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two nodes on PostgreSQL: jobs once, outages survived', { timeout: 300_000 }, () => {
  let cluster: PgCluster | null;
  let nodes: DatelineNode[] = [];
  let scheduledId: number;
  let articlePath: string;

  let query: ReturnType<typeof pgQuery>;

  before(async () => {
    cluster = await startPgCluster();
    if (!cluster) return;
    const databaseUrl = await cluster.createDatabase('dateline');
    query = pgQuery(databaseUrl);
    const seeded = await seedNodeDatabase(
      { DATABASE_URL: databaseUrl, SECRET_KEY: TEST_SECRET },
      {
        headline: 'Cached story',
        more: async ({ services: { content }, site, world, now }) => {
          const due = await content.createArticle(
            {
              siteId: site.id,
              sectionId: world.id,
              headline: 'Due soon',
              body: [{ type: 'paragraph', text: 'Text' }],
            },
            { savedBy: null },
          );
          // Due a few seconds after both nodes are up: each books its job at start (catch-up).
          const scheduled = await content.scheduleArticle(due.id, new Date(now.getTime() + 8000), {
            savedBy: null,
          });
          return { scheduledId: scheduled.id };
        },
      },
    );
    articlePath = seeded.articlePath;
    scheduledId = seeded.scheduledId;

    nodes = await Promise.all(
      [0, 1].map(() =>
        startDatelineNode({ DATABASE_URL: databaseUrl, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'info' }),
      ),
    );
  });

  after(async () => {
    stopDatelineNodes(nodes);
    cluster?.destroy();
  });

  test('a scheduled article is published exactly once with both nodes running', async (t) => {
    if (!cluster) return t.skip('no dedicated PostgreSQL cluster');
    const deadline = Date.now() + 40_000;
    for (;;) {
      const [row] = await query<{ status: string }>('select status from articles where id = $1', [
        scheduledId,
      ]);
      if (row?.status === 'published') break;
      assert.ok(Date.now() < deadline, 'the scheduled article was not published in time');
      await sleep(250);
    }
    await sleep(3000); // room for a second (wrong) run on the other node
    const audit = await query(
      "select id from audit_log where action = 'article.publish' and subject_id = $1",
      [scheduledId],
    );
    assert.equal(audit.length, 1, 'one audit entry: the job ran once');
    const revisions = await query('select revision from article_revisions where article_id = $1', [
      scheduledId,
    ]);
    const states = await query<{ status: string }>(
      "select status from jobs where key = $1 and status <> 'pending'",
      [`publish:article:${scheduledId}`],
    );
    assert.deepEqual(
      states.map((s) => s.status),
      ['done'],
      'one job claimed, done once',
    );
    assert.ok(revisions.length >= 1);
  });

  test('PostgreSQL stopped under load and started again: stale pages 200, the rest 503, zero 500s', async (t) => {
    if (!cluster) return t.skip('no dedicated PostgreSQL cluster');
    // Warm both nodes' page caches, and commit a write that must survive.
    for (const node of nodes) {
      assert.equal((await fetch(`${node.base}${articlePath}`)).status, 200);
      assert.equal((await fetch(`${node.base}/`)).status, 200);
    }
    const signedIn = await signInToNode(nodes[0]!.base);
    assert.equal(signedIn.status, 200, await signedIn.text());

    cluster.stop();
    const statuses = new Map<string, number>();
    const count = (label: string, status: number) => {
      const key = `${label} ${status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    };
    const until = Date.now() + 4000;
    let firstUncached: { status: number; body: string; type: string } | null = null;
    let firstWrite: { status: number; body: string } | null = null;
    while (Date.now() < until) {
      for (const node of nodes) {
        const cached = await fetch(`${node.base}${articlePath}`);
        await cached.arrayBuffer();
        count('cached', cached.status);
        const uncached = await fetch(`${node.base}/tag/peace`, { headers: { accept: 'text/html' } });
        const body = await uncached.text();
        firstUncached ??= {
          status: uncached.status,
          body,
          type: String(uncached.headers.get('content-type')),
        };
        count('uncached', uncached.status);
        const write = await signInToNode(node.base);
        const writeBody = await write.text();
        firstWrite ??= { status: write.status, body: writeBody };
        count('write', write.status);
      }
    }
    const ready = await fetch(`${nodes[1]!.base}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as { database: string }).database, 'unreachable');

    cluster.start();
    const back = Date.now() + 30_000;
    for (const node of nodes) {
      while ((await fetch(`${node.base}/readyz`).catch(() => null))?.status !== 200) {
        assert.ok(Date.now() < back, 'a node did not recover after PostgreSQL came back');
        await sleep(250);
      }
    }
    const summary = [...statuses].map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(`# during the outage: ${summary}`);
    assert.ok(![...statuses.keys()].some((k) => k.endsWith(' 500')), `no 500s (${summary})`);
    assert.ok(!statuses.has('cached 503'), `cached pages stay up (${summary})`);
    assert.ok((statuses.get('cached 200') ?? 0) > 0);
    assert.equal(firstUncached?.status, 503);
    assert.match(firstUncached!.type, /text\/html/);
    assert.match(firstUncached!.body, /database is not answering/);
    assert.equal(firstWrite?.status, 503);
    assert.equal((JSON.parse(firstWrite!.body) as { error: string }).error, 'DATABASE_UNAVAILABLE');

    // Recovered: uncached reads and writes work, and the write committed before the outage is there.
    for (const node of nodes) {
      assert.equal((await fetch(`${node.base}/tag/peace`)).status, 200);
      const again = await signInToNode(node.base);
      assert.equal(again.status, 200);
    }
    const sessions = await query('select 1 from staff_sessions');
    assert.ok(
      sessions.length >= 3,
      `the sessions written before and after the outage are kept (${sessions.length})`,
    );
    // Each node said it once, not once per failed request.
    for (const node of nodes) {
      assert.equal(node.output.match(/PostgreSQL is unreachable/g)?.length, 1, node.output.slice(-2000));
      assert.match(node.output, /PostgreSQL is reachable again/);
    }
  });
});
