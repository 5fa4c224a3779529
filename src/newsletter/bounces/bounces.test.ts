/**
 * Bounce messages in: the parser over realistic samples (RFC 3464 reports from Postfix, Exim,
 * Gmail and Exchange; qmail, plain Exim and Yahoo-style bounces; a delay warning, a success
 * report, an auto-reply and a reader's reply), then the admin API's raw-message route and
 * `dateline newsletter bounces` on a real edition sent to the loopback SMTP sink.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { main } from '../../cli/main.ts';
import { createContentService } from '../../content/index.ts';
import { EventBus, openDatabase, systemClock } from '../../platform/index.ts';
import { ADMIN, type SignedInClient, signIn } from '../../testing/admin-api.ts';
import {
  buildNewsletterTestApp,
  pathOf,
  publishArticle,
  subscribeConfirmed,
} from '../../testing/newsletter.ts';
import { seedConfirmedSubscribers } from '../../testing/newsletter-seed.ts';
import { createSmallSite } from '../../testing/small-site.ts';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink.ts';
import { parseBounce } from './parse-bounce.ts';

const samples = join(import.meta.dirname, 'samples');
const sample = (name: string, ids: { edition?: number; subscriber?: number } = {}) =>
  readFileSync(join(samples, name), 'utf8')
    .replace(/EDITION/g, String(ids.edition ?? 1))
    .replace(/SUBSCRIBER/g, String(ids.subscriber ?? 1));

describe('parsing bounce messages', () => {
  const cases: [string, string | null, [string, 'hard' | 'soft', string | null][]][] = [
    ['postfix-user-unknown.eml', 'dsn', [['gone@example.org', 'hard', '5.1.1']]],
    ['gmail-account-does-not-exist.eml', 'dsn', [['nobody.here@gmail.example', 'hard', '5.1.1']]],
    // A full mailbox is class 5 but not the address's fault: soft.
    ['exim-dsn-mailbox-full.eml', 'dsn', [['full@example.com', 'soft', '5.2.2']]],
    [
      'exchange-two-recipients.eml',
      'dsn',
      [
        ['left.company@corp.example', 'hard', '5.1.10'],
        ['busy.desk@corp.example', 'soft', '4.4.7'],
      ],
    ],
    ['postfix-delayed.eml', 'dsn', [['slow@example.net', 'soft', '4.4.1']]],
    ['qmail-failure-notice.eml', 'heuristic', [['old.reader@example.org', 'hard', '5.1.1']]],
    ['exim-plain-failed.eml', 'heuristic', [['moved.away@example.com', 'hard', '5.1.1']]],
    ['yahoo-mailbox-full.eml', 'heuristic', [['stuffed@yahoo.example', 'soft', null]]],
    ['postfix-delivered.eml', null, []],
    ['out-of-office.eml', null, []],
    ['reader-reply.eml', null, []],
  ];
  for (const [file, format, expected] of cases) {
    test(`${file}: ${format ? expected.map(([e, k]) => `${k} ${e}`).join(', ') : 'not a bounce'}`, async () => {
      const parsed = await parseBounce(sample(file, { edition: 3, subscriber: 7 }));
      if (!format) {
        assert.equal(parsed.bounce, false);
        if (!parsed.bounce) assert.ok(parsed.reason.length > 10, parsed.reason);
        return;
      }
      assert.ok(parsed.bounce, JSON.stringify(parsed));
      assert.equal(parsed.format, format);
      assert.deepEqual(
        parsed.recipients.map((r) => [r.email, r.kind, r.status]),
        expected,
      );
      if (/edition-EDITION/.test(readFileSync(join(samples, file), 'utf8')))
        assert.deepEqual(parsed.originals, [{ editionId: 3, subscriberId: 7 }]);
    });
  }

  test('garbage, an empty message and a huge one are not bounces (and do not throw)', async () => {
    for (const raw of [
      '',
      'just some words\nwithout any header',
      '\u0000\u0001binary',
      'x'.repeat(11 * 1024 * 1024),
    ]) {
      const parsed = await parseBounce(raw);
      assert.equal(parsed.bounce, false);
    }
  });

  test('a report without a Message-ID gets a stable id from its bytes', async () => {
    const raw = sample('qmail-failure-notice.eml');
    const [a, b] = [await parseBounce(raw), await parseBounce(raw)];
    assert.ok(a.bounce && b.bounce);
    assert.match(a.reportId, /^sha256:[0-9a-f]{64}$/);
    assert.equal(a.reportId, b.reportId);
  });
});

describe('bounce messages through the admin API', () => {
  let sink: SmtpSink;
  let app: FastifyInstance;
  let built: Awaited<ReturnType<typeof buildNewsletterTestApp>>;
  let admin: SignedInClient;
  let editionId = 0;
  const ids: Record<string, number> = {};

  const postRaw = (raw: string, client: SignedInClient = admin, type = 'message/rfc822') =>
    client.request({
      method: 'POST',
      url: `${ADMIN}/subscribers/bounces/messages`,
      headers: { 'content-type': type },
      payload: raw,
    });
  const edition = async () =>
    (await admin.request({ url: `${ADMIN}/newsletter/editions/${editionId}` })).json() as {
      bounces: { hard: number; soft: number };
      unsubscribes: number;
      counts: { sent: number };
    };
  const subscriber = async (email: string) =>
    (await admin.request({ url: `${ADMIN}/subscribers?q=${encodeURIComponent(email)}` })).json().data[0];

  before(async () => {
    sink = await startSmtpSink();
    built = await buildNewsletterTestApp(sink);
    app = built.app;
    admin = await signIn(app, 'admin@daily.test');
    await publishArticle(app, {
      siteId: built.fixture.site.id,
      sectionId: built.fixture.world.id,
      headline: 'Summit ends with a deal',
    });
    for (const email of ['gone@example.org', 'full@example.com', 'stuffed@yahoo.example', 'fine@example.org'])
      await subscribeConfirmed(app, sink, { email });
    sink.messages.splice(0);
    const created = await admin.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions`,
      payload: { siteId: built.fixture.site.id },
    });
    editionId = created.json().id;
    const send = await admin.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions/${editionId}/send`,
      payload: {},
    });
    assert.equal(send.statusCode, 202, send.body);
    await app.services.jobs.runDue();
    for (const mail of sink.messages) {
      const m = /subscriber-(\d+)@/.exec(String(mail.parsed.messageId))!;
      ids[mail.to[0]!] = Number(m[1]);
    }
    assert.equal(Object.keys(ids).length, 4);
  });
  after(async () => {
    await app.close();
    await sink.close();
  });

  test('a DSN for a gone address suppresses it and counts as the edition’s hard bounce, once', async () => {
    const raw = sample('postfix-user-unknown.eml', {
      edition: editionId,
      subscriber: ids['gone@example.org'],
    });
    const res = await postRaw(raw);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      res
        .json()
        .recipients.map((r: { email: string; kind: string; outcome: string; editionId: number }) => [
          r.email,
          r.kind,
          r.outcome,
          r.editionId,
        ]),
      [['gone@example.org', 'hard', 'suppressed', editionId]],
    );
    const gone = await subscriber('gone@example.org');
    assert.match(gone.suppressed.reason, /^bounce: 5\.1\.1 550 5\.1\.1/);
    assert.deepEqual(gone.bounces, { hard: 1, soft: 0 });
    assert.deepEqual((await edition()).bounces, { hard: 1, soft: 0 });
    // The same report again (a mail server retrying its POST) changes nothing.
    const again = await postRaw(raw);
    assert.equal(again.json().recipients[0].outcome, 'duplicate');
    assert.deepEqual((await edition()).bounces, { hard: 1, soft: 0 });
  });

  test('soft bounces are counted; the fifth within 30 days suppresses', async () => {
    const raw = sample('exim-dsn-mailbox-full.eml', {
      edition: editionId,
      subscriber: ids['full@example.com'],
    });
    for (let i = 1; i <= 5; i++) {
      const res = await postRaw(raw.replace('<E1vBqYt-000Kz1-2S@', `<E1vBqYt-000Kz1-2S-${i}@`));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().recipients[0].outcome, i < 5 ? 'counted' : 'suppressed', `report ${i}`);
      if (i === 1) assert.equal((await subscriber('full@example.com')).suppressed, null);
    }
    assert.match((await subscriber('full@example.com')).suppressed.reason, /5 soft bounces in 30 days/);
    assert.deepEqual((await edition()).bounces, { hard: 1, soft: 5 });
  });

  test('a non-standard bounce and an unknown address', async () => {
    const yahoo = await postRaw(sample('yahoo-mailbox-full.eml'));
    assert.equal(yahoo.json().recipients[0].outcome, 'counted');
    const stranger = await postRaw(sample('qmail-failure-notice.eml'));
    assert.equal(stranger.statusCode, 200);
    assert.deepEqual(
      stranger.json().recipients.map((r: { outcome: string }) => r.outcome),
      ['unknown'],
    );
  });

  test('what is not a bounce is refused with its reason, and nothing is stored', async () => {
    const before = await app.services.database.db.selectFrom('newsletter_bounces').selectAll().execute();
    for (const file of ['reader-reply.eml', 'out-of-office.eml', 'postfix-delivered.eml']) {
      const res = await postRaw(sample(file));
      assert.equal(res.statusCode, 422, `${file}: ${res.body}`);
      assert.equal(res.json().error, 'NEWSLETTER_NOT_A_BOUNCE');
      assert.match(res.json().message, /^Nothing was recorded: /);
    }
    const empty = await postRaw('');
    assert.ok(empty.statusCode >= 400 && empty.statusCode < 500, empty.body);
    const json = await postRaw('{"email":"x@example.org"}', admin, 'application/json');
    assert.equal(json.statusCode, 422, json.body);
    const text = await postRaw('hello', admin, 'text/plain');
    assert.ok(text.statusCode >= 400 && text.statusCode < 500, text.body);
    const editor = await signIn(app, 'editor@daily.test');
    assert.equal((await postRaw(sample('postfix-user-unknown.eml'), editor)).statusCode, 403);
    const afterwards = await app.services.database.db.selectFrom('newsletter_bounces').selectAll().execute();
    assert.equal(afterwards.length, before.length);
  });

  test('an unsubscribe from the edition’s link counts as its unsubscribe', async () => {
    const mail = sink.to('fine@example.org')[0]!;
    const link = /^List-Unsubscribe: <([^>]+)>/m.exec(mail.raw.replace(/\r\n[ \t]+/g, ' '))![1]!;
    const res = await app.inject({
      method: 'POST',
      url: pathOf(new URL(link)),
      headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.statusCode, 200);
    assert.equal((await edition()).unsubscribes, 1);
  });

  test('sending to a list without confirmed subscribers is refused with a clear message', async () => {
    const created = await admin.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions`,
      payload: { siteId: built.money.id },
    });
    const res = await admin.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions/${created.json().id}/send`,
      payload: {},
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error, 'NEWSLETTER_NO_AUDIENCE');
    assert.match(res.json().message, /Money Test's newsletter has no confirmed subscribers yet/);
    const stored = (await admin.request({ url: `${ADMIN}/newsletter/editions/${created.json().id}` })).json();
    assert.equal(stored.status, 'draft');
  });

  test('deleting a subscriber deletes their bounces (GDPR)', async () => {
    const gone = await subscriber('gone@example.org');
    assert.equal(
      (await admin.request({ method: 'DELETE', url: `${ADMIN}/subscribers/${gone.id}` })).statusCode,
      204,
    );
    const left = await app.services.database.db
      .selectFrom('newsletter_bounces')
      .selectAll()
      .where('subscriber_id', '=', gone.id)
      .execute();
    assert.deepEqual(left, []);
  });
});

describe('dateline newsletter bounces', () => {
  const workdir = mkdtempSync(join(tmpdir(), 'dateline-bounces-'));
  const database = `sqlite:${join(workdir, 'bounces.db')}`;
  const maildir = join(workdir, 'Maildir');
  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...args, '--database', database], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  before(async () => {
    assert.equal((await run('migrate')).code, 0);
    const handle = await openDatabase(database);
    const content = createContentService({ db: handle.db, events: new EventBus(), clock: systemClock });
    await content.load();
    const { site } = await createSmallSite(content, new Date());
    await seedConfirmedSubscribers(handle.db, {
      siteId: site.id,
      count: 3,
      email: (i) => ['gone@example.org', 'moved.away@example.com', 'fine@example.org'][i]!,
    });
    await handle.close();
    for (const sub of ['new', 'cur', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
    writeFileSync(join(maildir, 'new', '1761041112.M1P1.mx'), sample('postfix-user-unknown.eml'));
    writeFileSync(join(maildir, 'new', '1761041113.M2P1.mx'), sample('exim-plain-failed.eml'));
    writeFileSync(join(maildir, 'new', '1761041114.M3P1.mx'), sample('out-of-office.eml'));
  });
  after(() => rmSync(workdir, { recursive: true, force: true }));

  test('sweeps a maildir: records the bounces, ignores the rest, moves all to cur/', async () => {
    const result = await run('newsletter', 'bounces', '--maildir', maildir);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /1761041112\.M1P1\.mx: hard bounce 5\.1\.1 for gone@example\.org: suppressed/);
    assert.match(result.out, /moved\.away@example\.com: suppressed/);
    assert.match(result.out, /1761041114\.M3P1\.mx: ignored: this is an automatic reply/);
    assert.match(result.out, /3 message\(s\): 2 suppressed/);
    assert.deepEqual(readdirSync(join(maildir, 'new')), []);
    assert.deepEqual(readdirSync(join(maildir, 'cur')).sort(), [
      '1761041112.M1P1.mx:2,S',
      '1761041113.M2P1.mx:2,S',
      '1761041114.M3P1.mx:2,S',
    ]);
    const handle = await openDatabase(database);
    const rows = await handle.db
      .selectFrom('newsletter_subscribers')
      .select(['email', 'suppressed_at'])
      .orderBy('id')
      .execute();
    await handle.close();
    assert.deepEqual(
      rows.map((r) => [r.email, r.suppressed_at !== null]),
      [
        ['gone@example.org', true],
        ['moved.away@example.com', true],
        ['fine@example.org', false],
      ],
    );
    // A second sweep finds nothing new.
    assert.match((await run('newsletter', 'bounces', '--maildir', maildir)).out, /^0 message\(s\)/m);
  });

  test('--file reads one message; bad arguments say what is wrong', async () => {
    const file = join(workdir, 'again.eml');
    writeFileSync(file, sample('postfix-user-unknown.eml'));
    const again = await run('newsletter', 'bounces', '--file', file);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /already recorded|duplicate/);
    const none = await run('newsletter', 'bounces');
    assert.equal(none.code, 2);
    assert.match(none.err, /needs --file PATH/);
    const missing = await run('newsletter', 'bounces', '--file', join(workdir, 'nope.eml'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /is not a file/);
    const notMaildir = await run('newsletter', 'bounces', '--maildir', workdir);
    assert.equal(notMaildir.code, 1);
    assert.match(notMaildir.err, /is not a maildir/);
  });
});
