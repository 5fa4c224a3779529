import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ADMIN, type SignedInClient, signIn } from '../testing/admin-api.ts';
import { buildNewsletterTestApp, pathOf, publishArticle, subscribeConfirmed } from '../testing/newsletter.ts';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';

describe('editions: local news, unsubscribe, suppression, retries', () => {
  let sink: SmtpSink;
  let app: FastifyInstance;
  let built: Awaited<ReturnType<typeof buildNewsletterTestApp>>;
  let editor: SignedInClient;
  let ids: { world: number; nyc: number; la: number; ny: number };
  before(async () => {
    sink = await startSmtpSink();
    built = await buildNewsletterTestApp(sink);
    app = built.app;
    editor = await signIn(app, 'editor@daily.test');
    const { site, world } = built.fixture;
    ids = {
      world: await publishArticle(app, {
        siteId: site.id,
        sectionId: world.id,
        headline: 'Summit ends with a deal',
      }),
      nyc: await publishArticle(app, {
        siteId: site.id,
        sectionId: world.id,
        headline: 'Subway line reopens in Manhattan',
      }),
      la: await publishArticle(app, {
        siteId: site.id,
        sectionId: world.id,
        headline: 'Beverly Hills opens a new library',
      }),
      ny: await publishArticle(app, {
        siteId: site.id,
        sectionId: world.id,
        headline: 'Albany passes the state budget',
      }),
    };
    const mark = (id: number, localities: object[]) =>
      editor.request({
        method: 'PUT',
        url: `${ADMIN}/newsletter/articles/${id}/localities`,
        payload: { localities },
      });
    assert.equal(
      (await mark(ids.nyc, [{ state: 'NY', county: 'New York', city: 'New York' }])).statusCode,
      200,
    );
    assert.equal((await mark(ids.la, [{ state: 'ca', city: 'Beverly Hills' }])).statusCode, 200);
    assert.equal((await mark(ids.ny, [{ state: 'NY' }])).statusCode, 200);
    await subscribeConfirmed(app, sink, { email: 'manhattan@example.org', zip: '10001' });
    await subscribeConfirmed(app, sink, { email: 'schenectady@example.org', zip: '12345' });
    await subscribeConfirmed(app, sink, { email: 'beverly@example.org', zip: '90210' });
    await subscribeConfirmed(app, sink, { email: 'nozip@example.org' });
    await subscribeConfirmed(app, sink, { email: 'gone@example.org', zip: '10001' });
    await subscribeConfirmed(app, sink, { email: 'busy@example.org' });
    await subscribeConfirmed(app, sink, {
      email: 'moneyonly@example.org',
      lists: ['money'],
      host: 'money.test',
    });
    // Pending (never confirmed): gets nothing.
    await app.inject({
      method: 'POST',
      url: '/newsletter/signup',
      headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=pending%40example.org',
    });
    sink.messages.splice(0);
  });
  after(async () => {
    await app.close();
    await sink.close();
  });

  /** The "Local news" block of an edition's HTML (empty when it has none). */
  const localBlock = (mail: ReceivedMail): string => {
    const html = String(mail.parsed.html);
    const start = html.indexOf('Local news for');
    return start === -1 ? '' : html.slice(start, html.indexOf('You receive this', start));
  };
  /** The header block with folded lines unfolded. */
  const headersOf = (mail: ReceivedMail) => mail.raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const editionMail = (email: string): ReceivedMail => {
    const found = sink.to(email).filter((m) => /Daily Test Daily/.test(String(m.parsed.subject)));
    assert.equal(found.length, 1, `${email} got ${found.length} editions`);
    return found[0]!;
  };

  test('bad locality input is a 422 naming the field', async () => {
    const res = await editor.request({
      method: 'PUT',
      url: `${ADMIN}/newsletter/articles/${ids.world}/localities`,
      payload: { localities: [{ state: 'Narnia' }] },
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.json().fields[0].field, /state/);
    const writer = await signIn(app, 'writer@daily.test');
    const forbidden = await writer.request({
      method: 'PUT',
      url: `${ADMIN}/newsletter/articles/${ids.world}/localities`,
      payload: { localities: [] },
    });
    assert.equal(forbidden.statusCode, 403);
  });

  test('an edition is assembled, previewed, edited and sent once to every confirmed reader', async () => {
    sink.failRecipient(/^gone@/, 550);
    sink.failRecipient(/^busy@/, 451, 1);
    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions`,
      payload: { siteId: built.fixture.site.id },
    });
    assert.equal(created.statusCode, 201, created.body);
    const edition = created.json();
    assert.equal(edition.status, 'draft');
    assert.equal(edition.date, '2025-10-21');
    assert.equal(edition.articleIds.length, 4);
    const patched = await editor.request({
      method: 'PATCH',
      url: `${ADMIN}/newsletter/editions/${edition.id}`,
      payload: { intro: 'Good morning from the newsroom.', subject: 'Daily Test Daily: the deal' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const preview = await editor.request({
      url: `${ADMIN}/newsletter/editions/${edition.id}/preview?zip=10001`,
    });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Good morning from the newsroom/);
    assert.match(preview.body, /Local news for New York/);
    const text = await editor.request({
      url: `${ADMIN}/newsletter/editions/${edition.id}/preview?format=text`,
    });
    assert.doesNotMatch(text.body, /LOCAL NEWS/);

    const send = await editor.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions/${edition.id}/send`,
      payload: {},
    });
    assert.equal(send.statusCode, 202, send.body);
    await app.services.jobs.runDue();

    const manhattan = localBlock(editionMail('manhattan@example.org'));
    assert.match(manhattan, /^Local news for New York/);
    assert.match(manhattan, /Subway line reopens/);
    assert.match(manhattan, /Albany passes/);
    assert.doesNotMatch(manhattan, /Beverly Hills opens|Summit ends/);
    assert.match(String(editionMail('manhattan@example.org').parsed.text), /LOCAL NEWS FOR NEW YORK/);
    const schenectady = localBlock(editionMail('schenectady@example.org'));
    assert.match(schenectady, /^Local news for Schenectady/);
    assert.match(schenectady, /Albany passes/);
    assert.doesNotMatch(schenectady, /Subway|Beverly/);
    const beverly = localBlock(editionMail('beverly@example.org'));
    assert.match(beverly, /^Local news for Beverly Hills/);
    assert.match(beverly, /Beverly Hills opens/);
    assert.doesNotMatch(beverly, /Albany|Subway/);
    const nozip = editionMail('nozip@example.org');
    assert.equal(localBlock(nozip), '');
    assert.doesNotMatch(String(nozip.parsed.text), /LOCAL NEWS/);
    assert.match(String(nozip.parsed.html), /Summit ends with a deal/);
    assert.equal(sink.to('pending@example.org').length, 0);
    assert.equal(sink.to('moneyonly@example.org').length, 0);

    // RFC 8058 headers, a stable Message-ID, DKIM-free here.
    assert.match(
      headersOf(nozip),
      /^List-Unsubscribe: <http:\/\/daily\.test\/newsletter\/unsubscribe\?token=[^>]+>$/m,
    );
    assert.match(headersOf(nozip), /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    assert.match(String(nozip.parsed.messageId), /^<edition-\d+\.subscriber-\d+@daily\.test>$/);

    // gone@ answered 550: failed and suppressed. busy@ answered 451 once: waiting for a retry.
    let progress = (await editor.request({ url: `${ADMIN}/newsletter/editions/${edition.id}` })).json();
    assert.equal(progress.status, 'sending');
    assert.deepEqual(
      { sent: progress.counts.sent, failed: progress.counts.failed, retry: progress.counts.retry },
      { sent: 4, failed: 1, retry: 1 },
    );
    const suppressed = await (await signIn(app, 'admin@daily.test')).request({
      url: `${ADMIN}/subscribers?suppressed=true`,
    });
    assert.deepEqual(
      suppressed.json().data.map((s: { email: string }) => s.email),
      ['gone@example.org'],
    );
    built.clock.set(new Date(built.clock.now().getTime() + 5 * 60_000));
    await app.services.jobs.runDue();
    editionMail('busy@example.org');
    progress = (await editor.request({ url: `${ADMIN}/newsletter/editions/${edition.id}` })).json();
    assert.equal(progress.status, 'sent');
    assert.deepEqual({ sent: progress.counts.sent, failed: progress.counts.failed }, { sent: 5, failed: 1 });
    // Sending again is a no-op: the log says everyone has it.
    await app.services.newsletter.sender.run(edition.id);
    assert.equal(sink.to('nozip@example.org').length, 1);
    const locked = await editor.request({
      method: 'PATCH',
      url: `${ADMIN}/newsletter/editions/${edition.id}`,
      payload: { intro: 'x' },
    });
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.json().error, 'NEWSLETTER_EDITION_LOCKED');
  });

  test('unsubscribe: one-click POST (repeatable) and the link page; then no more editions', async () => {
    const nozip = editionMail('nozip@example.org');
    const oneClick = new URL(/^List-Unsubscribe: <([^>]+)>/m.exec(headersOf(nozip))![1]!);
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({
        method: 'POST',
        url: pathOf(oneClick),
        headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.body, /unsubscribed/);
    }
    const beverly = editionMail('beverly@example.org');
    const link = new URL(
      /href="([^"]*\/newsletter\/unsubscribe\?[^"]+)"/
        .exec(String(beverly.parsed.html))![1]!
        .replace(/&amp;/g, '&'),
    );
    const page = await app.inject({ url: pathOf(link), headers: { host: 'daily.test' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Unsubscribe from Daily Test's Daily Newsletter\?/);
    const token = link.searchParams.get('token')!;
    const done = await app.inject({
      method: 'POST',
      url: '/newsletter/unsubscribe',
      headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ token }).toString(),
    });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /You are unsubscribed/);
    const bad = await app.inject({
      method: 'POST',
      url: '/newsletter/unsubscribe?token=forged.token',
      headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(bad.statusCode, 400);

    sink.messages.splice(0);
    const next = await editor.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions`,
      payload: { siteId: built.fixture.site.id, date: '2025-10-22' },
    });
    await app.services.newsletter.sender.run(next.json().id);
    const got = sink.messages.flatMap((m) => m.to).sort();
    assert.deepEqual(got, ['busy@example.org', 'manhattan@example.org', 'schenectady@example.org']);
  });

  test('preferences: change the ZIP and lists, export, delete', async () => {
    const mail = editionMail('manhattan@example.org');
    const link = new URL(
      /Change your ZIP code or newsletters, or get or delete your data: (\S+)/.exec(
        String(mail.parsed.text),
      )![1]!,
    );
    const page = await app.inject({ url: pathOf(link), headers: { host: 'daily.test' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /manhattan@example.org/);
    const token = link.searchParams.get('token')!;
    const post = (fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ token });
      for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
      return app.inject({
        method: 'POST',
        url: '/newsletter/preferences',
        headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    };
    const unknownZip = await post({ action: 'save', zip: '00000', list: 'daily' });
    assert.equal(unknownZip.statusCode, 400);
    assert.match(unknownZip.body, /no US ZIP code 00000/);
    const saved = await post({ action: 'save', zip: '90210', list: ['daily', 'money'] });
    assert.equal(saved.statusCode, 200);
    assert.match(saved.body, /Beverly Hills/);
    const exported = await post({ action: 'export' });
    assert.equal(exported.statusCode, 200);
    const data = JSON.parse(exported.body);
    assert.equal(data.email, 'manhattan@example.org');
    assert.equal(data.zip, '90210');
    assert.deepEqual(
      data.subscriptions.map((s: { status: string }) => s.status),
      ['confirmed', 'confirmed'],
    );
    const csv = await editor.request({ url: `${ADMIN}/subscribers/export.csv?state=CA` });
    assert.equal(csv.statusCode, 403, 'editors do not hold subscribers.manage');
    const admin = await signIn(app, 'admin@daily.test');
    const csvAdmin = await admin.request({ url: `${ADMIN}/subscribers/export.csv?state=CA` });
    assert.equal(csvAdmin.statusCode, 200);
    assert.match(csvAdmin.body, /manhattan@example.org,90210,CA/);
    assert.match(csvAdmin.body, /beverly@example.org/);
    const notConfirmed = await post({ action: 'delete' });
    assert.equal(notConfirmed.statusCode, 400);
    const deleted = await post({ action: 'delete', confirm: 'yes' });
    assert.equal(deleted.statusCode, 200);
    assert.match(deleted.body, /Your data is deleted/);
    const gone = await app.inject({ url: pathOf(link), headers: { host: 'daily.test' } });
    assert.equal(gone.statusCode, 400);
    const search = await admin.request({ url: `${ADMIN}/subscribers?q=manhattan` });
    assert.deepEqual(search.json().data, []);
  });
  test('admin API bad input: clear 4xx', async () => {
    const cases: [string, string, object | undefined, number][] = [
      ['GET', '/newsletter/editions/999999', undefined, 404],
      ['PATCH', '/newsletter/editions/999999', { intro: 'x' }, 404],
      ['POST', '/newsletter/editions', { siteId: 999 }, 404],
      ['POST', '/newsletter/editions', { siteId: built.fixture.site.id, date: '2025-02-30' }, 422],
      ['PATCH', '/newsletter/editions/1', { subject: '' }, 422],
      ['GET', '/newsletter/editions/1/preview?zip=00000', undefined, 400],
      ['PUT', `/newsletter/settings/${built.fixture.site.id}`, { sendTime: '25:00', autoSend: true }, 422],
      ['PUT', '/newsletter/articles/999999/localities', { localities: [] }, 404],
      ['GET', '/newsletter/editions?siteId=abc', undefined, 422],
    ];
    for (const [method, url, payload, status] of cases) {
      const res = await editor.request({
        method: method as 'GET',
        url: `${ADMIN}${url}`,
        ...(payload ? { payload } : {}),
      });
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      assert.ok(res.json().message, url);
    }
    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions`,
      payload: { siteId: built.fixture.site.id, date: '2025-12-01' },
    });
    const id = created.json().id;
    assert.equal(
      (await editor.request({ method: 'POST', url: `${ADMIN}/newsletter/editions/${id}/cancel` })).json()
        .status,
      'cancelled',
    );
    const refused = await editor.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions/${id}/send`,
      payload: {},
    });
    assert.equal(refused.statusCode, 409);
  });
});
