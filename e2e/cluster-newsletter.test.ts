/**
 * Two `dateline serve` nodes on one PostgreSQL database (a dedicated cluster this test starts)
 * and a slow loopback SMTP server: an edition's send is started through the admin API, the node
 * holding its lease is killed with kill -9 mid-send, and the other node takes the job over once
 * the lease runs out and finishes it: every reader gets exactly one message and the edition is
 * marked sent.
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
import { seedConfirmedSubscribers } from '../src/testing/newsletter-seed.ts';
import { type PgCluster, pgQuery, startPgCluster } from '../src/testing/pg-cluster.ts';
import { type SmtpSink, startSmtpSink } from '../src/testing/smtp-sink.ts';

const COUNT = 400;
const email = (i: number) => `reader${String(i).padStart(4, '0')}@example.org`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// locked_by is "host:pid:uuid" (leaseHolderName).
const pidOf = (holder: string | null) => Number(holder?.split(':')[1]);

describe('two nodes on PostgreSQL: a newsletter send survives kill -9', { timeout: 240_000 }, () => {
  let cluster: PgCluster | null;
  let sink: SmtpSink;
  let nodes: DatelineNode[] = [];
  let editionId: number;

  let query: ReturnType<typeof pgQuery>;

  before(async () => {
    cluster = await startPgCluster();
    if (!cluster) return;
    // About 125 messages a second over the sender's 5 connections: the send takes ~3 s.
    sink = await startSmtpSink({ parse: false, delayMs: 40 });
    const databaseUrl = await cluster.createDatabase('dateline');
    query = pgQuery(databaseUrl);
    const env = {
      DATABASE_URL: databaseUrl,
      SECRET_KEY: TEST_SECRET,
      SMTP_URL: sink.url,
      LOG_LEVEL: 'info',
      // Short leases, so the survivor takes over within seconds rather than a minute.
      JOB_LEASE_MS: '3000',
      NEWSLETTER_SEND_LEASE_MS: '3000',
    };
    ({ editionId } = await seedNodeDatabase(env, {
      headline: 'The one story',
      more: async ({ services: { database, newsletter }, site }) => {
        await seedConfirmedSubscribers(database.db, { siteId: site.id, count: COUNT, email });
        return { editionId: (await newsletter.editions.assemble(site.id)).id };
      },
    }));
    nodes = await Promise.all([0, 1].map(() => startDatelineNode(env)));
  });

  after(async () => {
    stopDatelineNodes(nodes);
    sink?.release();
    await sink?.close();
    cluster?.destroy();
  });

  test('the node holding the send is killed mid-edition; the other finishes it, one message per reader', async (t) => {
    if (!cluster) return t.skip('no dedicated PostgreSQL cluster');
    const base = nodes[0]!.base;
    const session = await signInToNode(base);
    assert.equal(session.status, 200, await session.clone().text());
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const cookie = String(session.headers.get('set-cookie')).split(';')[0]!;
    const started = await fetch(`${base}/api/admin/v1/newsletter/editions/${editionId}/send`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(started.status, 202, await started.text());

    // Mid-send, inside the second chunk of 100. The sink then holds its answers, so the messages in flight
    // stay unacknowledged (the sender's log says `sending`) and every acknowledged one has had
    // time to be logged `sent`: the kill lands outside SMTP's inherent duplicate window (an
    // answer on the wire when the sender dies), which crash.test.ts covers by Message-ID.
    const deadline = Date.now() + 60_000;
    while (sink.messages.length < 130) {
      assert.ok(Date.now() < deadline, `only ${sink.messages.length} delivered in a minute`);
      await sleep(5);
    }
    sink.hold();
    await sleep(500);
    const delivered = sink.messages.length;
    assert.ok(delivered < COUNT, `killed mid-edition (${delivered} of ${COUNT} delivered)`);
    const [job] = await query<{ locked_by: string | null; status: string }>(
      "select locked_by, status from jobs where key = $1 and status = 'running'",
      [`newsletter-send:${editionId}`],
    );
    const [edition] = await query<{ locked_by: string | null }>(
      'select locked_by from newsletter_editions where id = $1',
      [editionId],
    );
    assert.ok(job, 'the send job is running');
    const holderPid = pidOf(job.locked_by);
    assert.equal(pidOf(edition!.locked_by), holderPid, 'the job and the edition lease have one holder');
    const victim = nodes.find((n) => n.child.pid === holderPid);
    const survivor = nodes.find((n) => n.child.pid !== holderPid)!;
    assert.ok(victim, `the lease holder (${job.locked_by}) is one of the two nodes`);
    const [logged] = await query<{ sent: string }>(
      "select count(*) as sent from newsletter_deliveries where edition_id = $1 and status = 'sent'",
      [editionId],
    );
    assert.equal(Number(logged!.sent), delivered, 'every acknowledged message is logged sent');

    const exited = new Promise((resolve) => victim.child.once('exit', (_code, signal) => resolve(signal)));
    victim.child.kill('SIGKILL');
    assert.equal(await exited, 'SIGKILL');
    await sleep(300); // the sink sees the killed sender's connections close
    sink.release();

    const finishBy = Date.now() + 45_000;
    for (;;) {
      const [row] = await query<{ status: string }>('select status from newsletter_editions where id = $1', [
        editionId,
      ]);
      if (row?.status === 'sent') break;
      assert.ok(
        Date.now() < finishBy,
        `the survivor did not finish the edition:\n${survivor.output.slice(-3000)}`,
      );
      await sleep(250);
    }
    await sleep(1000); // room for a wrong second run

    const copies = new Map<string, number>();
    for (const m of sink.messages) for (const to of m.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    for (let i = 0; i < COUNT; i++) assert.equal(copies.get(email(i)), 1, `${email(i)} got one message`);
    assert.equal(sink.messages.length, COUNT, 'no message twice, none lost');
    const statuses = await query<{ status: string; n: string }>(
      'select status, count(*) as n from newsletter_deliveries where edition_id = $1 group by status',
      [editionId],
    );
    assert.deepEqual(
      statuses.map((s) => [s.status, Number(s.n)]),
      [['sent', COUNT]],
    );
    const jobs = await query<{ status: string; locked_by: string | null }>(
      'select status, locked_by from jobs where key = $1',
      [`newsletter-send:${editionId}`],
    );
    assert.deepEqual(
      jobs.map((j) => j.status),
      ['done'],
      'the one job, done (by the survivor)',
    );
    assert.match(survivor.output, /a sender died mid-edition/);
    console.log(
      `# delivered before the kill: ${delivered}; the survivor (pid ${survivor.child.pid}) sent the other ${COUNT - delivered}`,
    );
  });
});
