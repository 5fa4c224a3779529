import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildNewsletterTestApp, linkIn, pathOf } from '../testing/newsletter.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body.toString();
};

describe('newsletter signup (double opt-in)', () => {
  let sink: SmtpSink;
  let app: FastifyInstance;
  let built: Awaited<ReturnType<typeof buildNewsletterTestApp>>;
  before(async () => {
    sink = await startSmtpSink();
    built = await buildNewsletterTestApp(sink);
    app = built.app;
  });
  after(async () => {
    await app.close();
    await sink.close();
  });
  beforeEach(() => sink.messages.splice(0));

  const signup = (fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/newsletter/signup',
      headers: { host: 'daily.test', 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: form(fields),
    });
  const rows = (email: string) =>
    app.services.database.db
      .selectFrom('newsletter_subscribers as s')
      .innerJoin('newsletter_subscriptions as n', 'n.subscriber_id', 's.id')
      .select([
        's.email',
        's.zip',
        's.place_state',
        's.place_county',
        's.place_city',
        's.latitude',
        'n.site_id',
        'n.status',
      ])
      .where('s.email', '=', email)
      .orderBy('n.site_id')
      .execute();

  test('the box posts, the email confirms, the page says so, the place is stored', async () => {
    const res = await signup({ email: 'Reader@Example.org', zip: '10001-1234', list: 'daily' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Check your inbox/);
    assert.deepEqual(
      (await rows('reader@example.org')).map((r) => r.status),
      ['pending'],
    );
    const [mail] = await sink.waitFor(1);
    assert.equal(mail!.to[0], 'reader@example.org');
    assert.match(String(mail!.parsed.subject), /Confirm your subscription to Daily Test/);
    assert.match(String(mail!.parsed.html), /Confirm my subscription/);
    const link = linkIn(mail!, '/newsletter/confirm');
    assert.equal(link.host, 'daily.test');
    const confirmed = await app.inject({ url: pathOf(link), headers: { host: 'daily.test' } });
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /Your subscription is confirmed/);
    const [row] = await rows('reader@example.org');
    assert.equal(row!.status, 'confirmed');
    assert.equal(row!.zip, '10001');
    assert.equal(row!.place_state, 'NY');
    assert.equal(row!.place_city, 'New York');
    assert.ok(Math.abs(Number(row!.latitude) - 40.75) < 0.1);
    // Following the link again is fine.
    const again = await app.inject({ url: pathOf(link), headers: { host: 'daily.test' } });
    assert.equal(again.statusCode, 200);
  });

  test('two brands at once; signing up again answers the same and changes nothing until confirmed', async () => {
    const first = await signup({ email: 'two@example.org', list: ['daily', 'money'] });
    assert.equal(first.statusCode, 200);
    const [mail] = await sink.waitFor(1);
    assert.match(
      String(mail!.parsed.text),
      /Daily Test's Daily Newsletter and Money Test's Daily Newsletter/,
    );
    await app.inject({ url: pathOf(linkIn(mail!, '/newsletter/confirm')), headers: { host: 'daily.test' } });
    assert.deepEqual(
      (await rows('two@example.org')).map((r) => r.status),
      ['confirmed', 'confirmed'],
    );
    const again = await signup({ email: 'two@example.org', zip: '90210', list: 'daily' });
    assert.equal(again.statusCode, 200);
    assert.equal(again.body.replace(/two@example.org/g, ''), first.body.replace(/two@example.org/g, ''));
    const stored = await rows('two@example.org');
    assert.equal(stored.length, 2);
    assert.equal(stored[0]!.zip, null, 'a signup does not change the ZIP before the mailbox confirms');
    // A fresh address gets the very same answer.
    const fresh = await signup({ email: 'fresh@example.org', list: 'daily' });
    assert.equal(fresh.body.replace(/fresh@example.org/g, ''), first.body.replace(/two@example.org/g, ''));
  });

  test('the progressive-enhancement script gets JSON', async () => {
    const ok = await signup({ email: 'js@example.org' }, { accept: 'application/json' });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().ok, true);
    const bad = await signup({ email: 'nope' }, { accept: 'application/json' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error, 'NEWSLETTER_INVALID_EMAIL');
    const script = await app.inject({ url: '/newsletter/signup.js', headers: { host: 'daily.test' } });
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /javascript/);
  });

  test('bad input: a clear message in the page, nothing stored, never a 500', async () => {
    for (const [fields, pattern] of [
      [{ email: 'not-an-email' }, /is not an email address/],
      [{ email: '' }, /enter your email/],
      [{ email: 'a@b.org', zip: '1234' }, /ZIP code is 5 digits/],
      [{ email: 'a@b.org', zip: '00000' }, /There is no US ZIP code 00000/],
      [{ email: 'a@b.org', list: 'nosuchbrand' }, /Choose at least one/],
      [{ email: `${'x'.repeat(300)}@example.org` }, /is not an email address/],
    ] as const) {
      const res = await signup(fields as Record<string, string>);
      assert.equal(res.statusCode, 400, JSON.stringify(fields));
      assert.match(res.body, pattern);
      assert.match(res.body, /<form/);
    }
    assert.equal((await rows('a@b.org')).length, 0);
    assert.equal(sink.messages.length, 0);
    const odd = await app.inject({
      method: 'POST',
      url: '/newsletter/signup',
      headers: { host: 'daily.test', 'content-type': 'application/json' },
      payload: '{"email": ["x"]}',
    });
    assert.ok(odd.statusCode < 500, `${odd.statusCode}`);
    const cross = await signup({ email: 'csrf@example.org' }, { origin: 'https://evil.example' });
    assert.equal(cross.statusCode, 403);
    assert.equal((await rows('csrf@example.org')).length, 0);
  });

  test('tampered and expired confirmation links', async () => {
    await signup({ email: 'late@example.org' });
    const [mail] = await sink.waitFor(1);
    const link = linkIn(mail!, '/newsletter/confirm');
    const token = link.searchParams.get('token')!;
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    for (const bad of [tampered, 'garbage', '', `${token}x`]) {
      const res = await app.inject({
        url: `/newsletter/confirm?token=${encodeURIComponent(bad)}`,
        headers: { host: 'daily.test' },
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /not valid/);
    }
    built.clock.set(new Date(built.clock.now().getTime() + 8 * 24 * 3600_000));
    const expired = await app.inject({ url: pathOf(link), headers: { host: 'daily.test' } });
    assert.equal(expired.statusCode, 400);
    assert.match(expired.body, /expired/);
    assert.deepEqual(
      (await rows('late@example.org')).map((r) => r.status),
      ['pending'],
    );
  });

  test('rate limits: an address gets at most 3 emails an hour; a network at most 20 signups', async () => {
    for (let i = 0; i < 5; i++)
      assert.equal((await signup({ email: 'spam@example.org' }, { 'x-forwarded-for': '1' })).statusCode, 200);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sink.to('spam@example.org').length, 3);
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const res = await signup({ email: `n${i}@example.org` }, {});
      if (res.statusCode === 429) limited++;
    }
    assert.ok(limited > 0, 'the network limit answers 429');
  });
  test('hostile and odd requests: 4xx with words, never a 500', async () => {
    const host = { host: 'daily.test' };
    const unsubscribe = app.services.newsletter.deps.signer.sign(
      { purpose: 'unsubscribe', subscriberId: 1, siteId: 1 },
      null,
    );
    for (const url of [
      '/newsletter/confirm',
      '/newsletter/confirm?token=a.b',
      '/newsletter/unsubscribe',
      '/newsletter/preferences',
      `/newsletter/preferences?token=${unsubscribe}`,
      `/newsletter/confirm?token=${unsubscribe}`,
      '/newsletter/confirm?token[]=x',
    ]) {
      const res = await app.inject({ url, headers: host });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /not valid/, url);
    }
    const form = { ...host, 'content-type': 'application/x-www-form-urlencoded' };
    for (const [url, payload] of [
      ['/newsletter/preferences', 'action=delete&confirm=yes'],
      ['/newsletter/preferences', 'token=nope&action=export'],
      ['/newsletter/unsubscribe', ''],
      ['/newsletter/signup', `email=${'a'.repeat(20_000)}`],
      ['/newsletter/signup', 'email=%E0%A4%A&zip=%00'],
      ['/newsletter/signup', 'email=a%40b.org&zip=1234%00'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url, headers: form, payload });
      assert.ok(
        res.statusCode >= 400 && res.statusCode < 500,
        `${url} ${payload.slice(0, 30)} → ${res.statusCode}`,
      );
    }
    const multipart = await app.inject({
      method: 'POST',
      url: '/newsletter/signup',
      headers: { ...host, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--',
    });
    assert.ok(multipart.statusCode >= 400 && multipart.statusCode < 500, `${multipart.statusCode}`);
  });
});
