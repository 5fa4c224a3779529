import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signIn } from '../../testing/admin-api.ts';
import {
  buildCommunityTestApp,
  csrfOf,
  formBody,
  inject,
  joinAsReader,
  linkFrom,
  ORIGIN,
  readerClient,
} from '../../testing/community.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';

const formHeaders = { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' };

describe('reader accounts over HTTP', async () => {
  let t: Awaited<ReturnType<typeof buildCommunityTestApp>>;
  before(async () => {
    t = await buildCommunityTestApp();
  });
  after(async () => t.app.close());
  const links = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('reader_sign_in_links')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const join = (email: string, headers: Record<string, string> = formHeaders, ip?: string) =>
    inject(t.app, {
      method: 'POST',
      url: '/community/join',
      headers,
      payload: formBody({ email }),
      ...(ip ? { remoteAddress: ip } : {}),
    });

  test('the join page is a form that works without JavaScript', async () => {
    const res = await inject(t.app, { method: 'GET', url: '/community/join?return=/world' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<form class="community-form" method="post" action="\/community\/join">/);
    assert.match(res.body, /name="return" value="\/world"/);
  });

  test('joining emails a single-use link; a GET only shows a button; the POST signs in', async () => {
    const res = await join('Ann@Example.com');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /We sent a sign-in link to <strong>ann@example.com<\/strong>/);
    const link = linkFrom(t.sink, 'ann@example.com');
    assert.match(link, /^http:\/\/daily\.test\/community\/sign-in\?token=[\w-]{43}$/);
    const url = new URL(link);
    const shown = await inject(t.app, { method: 'GET', url: url.pathname + url.search });
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<button type="submit">Sign in<\/button>/);
    const token = url.searchParams.get('token')!;
    const stored = await t.database.db.selectFrom('reader_sign_in_links').select('token_hash').execute();
    assert.ok(
      stored.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)),
      'only hashes are kept',
    );

    const signedIn = await inject(t.app, {
      method: 'POST',
      url: '/community/sign-in',
      headers: formHeaders,
      payload: formBody({ token }),
    });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/community/account?return=%2F');
    const cookie = String(signedIn.headers['set-cookie']);
    assert.match(cookie, /^dl_reader=[\w-]{43}; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/);

    const replay = await inject(t.app, {
      method: 'POST',
      url: '/community/sign-in',
      headers: formHeaders,
      payload: formBody({ token }),
    });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /expired or was already used/);
  });

  test('a link expires after 30 minutes', async () => {
    await join('late@example.com');
    const token = new URL(linkFrom(t.sink, 'late@example.com')).searchParams.get('token')!;
    t.clock.set(new Date(TEST_NOW.getTime() + 31 * 60_000));
    try {
      const res = await inject(t.app, {
        method: 'POST',
        url: '/community/sign-in',
        headers: formHeaders,
        payload: formBody({ token }),
      });
      assert.equal(res.statusCode, 400);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  test('the signed-out forms refuse other origins and requests without one', async () => {
    const before = await links();
    for (const headers of <Record<string, string>[]>[
      { 'content-type': 'application/x-www-form-urlencoded' },
      { ...formHeaders, origin: 'https://evil.example' },
      { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://evil.example/page' },
      { ...formHeaders, origin: 'null' },
    ]) {
      const res = await join('csrf@example.com', headers);
      assert.equal(res.statusCode, 403, JSON.stringify(headers));
      assert.match(res.body, /did not come from our site/);
    }
    const viaReferer = await join('referer@example.com', {
      'content-type': 'application/x-www-form-urlencoded',
      referer: `${ORIGIN}/community/join`,
    });
    assert.equal(viaReferer.statusCode, 200);
    assert.equal(await links(), before + 1);
  });

  test('bad addresses get the form back with what to fix, and nothing is stored', async () => {
    const before = await links();
    for (const email of [
      '',
      'not-an-email',
      'a@b',
      `${'x'.repeat(250)}@example.com`,
      'a b@example.com',
      '<script>@x.example',
    ]) {
      const res = await join(email);
      assert.equal(res.statusCode, 422, email);
      assert.match(res.body, /class="form-problem" role="alert"/);
      assert.doesNotMatch(res.body, /<script>@/);
    }
    const malformed = await inject(t.app, {
      method: 'POST',
      url: '/community/join',
      headers: formHeaders,
      payload: 'email=%E0%A4%A',
    });
    assert.ok(malformed.statusCode >= 400 && malformed.statusCode < 500);
    const json = await inject(t.app, {
      method: 'POST',
      url: '/community/join',
      headers: { ...formHeaders, 'content-type': 'application/json' },
      payload: '{"email":{"x":1}}',
    });
    assert.equal(json.statusCode, 422);
    const xml = await inject(t.app, {
      method: 'POST',
      url: '/community/join',
      headers: { ...formHeaders, 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    assert.equal(xml.statusCode, 415);
    assert.equal(await links(), before);
  });

  test('an address the mail server refuses gets a clear answer and leaves no link behind', async () => {
    t.sink.failRecipient(/^refused@/, 550);
    const before = await links();
    const res = await join('refused@example.com');
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /could not send an email to that address/);
    assert.equal(await links(), before);
  });

  test('links are rate-limited per address and per IP', async () => {
    for (let i = 0; i < 3; i++)
      assert.equal((await join('often@example.com', formHeaders, '10.0.0.9')).statusCode, 200);
    const fourth = await join('often@example.com', formHeaders, '10.0.0.9');
    assert.equal(fourth.statusCode, 429);
    assert.equal(fourth.headers['retry-after'], '60');
    for (let i = 0; i < 7; i++) await join(`many${i}@example.com`, formHeaders, '10.0.0.9');
    const fromIp = await join('fresh@example.com', formHeaders, '10.0.0.9');
    assert.equal(fromIp.statusCode, 429);
    assert.equal((await join('fresh@example.com', formHeaders, '10.0.0.10')).statusCode, 200);
  });

  test('the profile needs a display name and the guidelines; forms need the session CSRF token', async () => {
    const reader = await joinAsReader(t.app, t.sink, 'bea@example.com', 'Bea');
    for (const [fields, message] of [
      [{ displayName: '', acceptGuidelines: 'yes' }, /Choose a display name/],
      [{ displayName: 'x'.repeat(41), acceptGuidelines: 'yes' }, /at most 40 characters/],
      [{ displayName: '<b>bold</b>', acceptGuidelines: 'yes' }, /may use letters, digits/],
    ] as const) {
      const res = await reader.form('/community/account', fields);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, message);
    }
    const forged = await reader.form('/community/account', { displayName: 'Eve', csrf: 'x'.repeat(43) });
    assert.equal(forged.statusCode, 403);
    const missing = await reader.form('/community/account', { displayName: 'Eve', csrf: '' });
    assert.equal(missing.statusCode, 403);
    const crossSite = await reader.form(
      '/community/account',
      { displayName: 'Eve' },
      { origin: 'https://evil.example' },
    );
    assert.equal(crossSite.statusCode, 403);
    const row = await t.database.db
      .selectFrom('readers')
      .select('display_name')
      .where('email', '=', 'bea@example.com')
      .executeTakeFirstOrThrow();
    assert.equal(row.display_name, 'Bea');
  });

  test('a new reader must accept the guidelines', async () => {
    await join('cal@example.com');
    const token = new URL(linkFrom(t.sink, 'cal@example.com')).searchParams.get('token')!;
    const signedIn = await inject(t.app, {
      method: 'POST',
      url: '/community/sign-in',
      headers: formHeaders,
      payload: formBody({ token }),
    });
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const page = await inject(t.app, { method: 'GET', url: '/community/account', headers: { cookie } });
    assert.match(page.body, /name="acceptGuidelines" value="yes" required/);
    const reader = readerClient(t.app, 'cal@example.com', cookie, csrfOf(page.body));
    const res = await reader.form('/community/account', { displayName: 'Cal' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Accept the community guidelines/);
    const article = await t.publish({ headline: 'Unfinished profile' });
    const early = await reader.form(`/community/articles/${article.id}/comments`, { body: 'Too early' });
    assert.equal(early.statusCode, 403);
    assert.match(early.body, /Choose a display name and accept the community guidelines before you comment/);
  });

  test('a token from an ended session is refused (a replayed form)', async () => {
    const reader = await joinAsReader(t.app, t.sink, 'dan@example.com', 'Dan');
    assert.equal((await reader.form('/community/sign-out', {})).statusCode, 303);
    const replayed = await reader.form('/community/account', {
      displayName: 'Dan again',
      acceptGuidelines: 'yes',
    });
    assert.equal(replayed.statusCode, 401);
    assert.match(replayed.body, /Your session has ended/);
    const again = await joinAsReader(t.app, t.sink, 'dan@example.com', 'Dan');
    const oldToken = await again.form('/community/account', {
      displayName: 'Dan 2',
      acceptGuidelines: 'yes',
      csrf: reader.csrf,
    });
    assert.equal(oldToken.statusCode, 403);
  });

  test('reader and staff sessions are separate', async () => {
    const reader = await joinAsReader(t.app, t.sink, 'eve@example.com', 'Eve');
    const admin = await inject(t.app, {
      method: 'GET',
      url: '/api/admin/v1/session',
      headers: { cookie: reader.cookie.replace('dl_reader', 'dl_staff') },
    });
    assert.equal(admin.statusCode, 401);
    const staff = await signIn(t.app, 'admin@daily.test');
    const account = await inject(t.app, {
      method: 'GET',
      url: '/community/account',
      headers: { cookie: staff.cookie.replace('dl_staff', 'dl_reader') },
    });
    assert.equal(account.statusCode, 303);
  });

  test('a reader downloads their data as JSON and can delete the account', async () => {
    const reader = await joinAsReader(t.app, t.sink, 'fay@example.com', 'Fay');
    const article = await t.publish();
    assert.equal(
      (await reader.form(`/community/articles/${article.id}/comments`, { body: 'My words' })).statusCode,
      303,
    );
    const data = await reader.get('/community/account/data.json');
    assert.equal(data.statusCode, 200);
    assert.match(String(data.headers['content-type']), /^application\/json/);
    assert.equal(data.headers['content-disposition'], 'attachment; filename="community-data.json"');
    const json = data.json();
    assert.equal(json.account.email, 'fay@example.com');
    assert.equal(json.account.displayName, 'Fay');
    assert.deepEqual(
      json.comments.map((c: { text: string }) => c.text),
      ['My words'],
    );

    const unconfirmed = await reader.form('/community/account/delete', {});
    assert.equal(unconfirmed.statusCode, 422);
    const deleted = await reader.form('/community/account/delete', { confirm: 'yes' });
    assert.equal(deleted.statusCode, 200);
    assert.match(String(deleted.headers['set-cookie']), /dl_reader=; Path=\/; Max-Age=0/);
    const row = await t.database.db
      .selectFrom('readers')
      .selectAll()
      .where('email', '=', 'fay@example.com')
      .executeTakeFirst();
    assert.equal(row, undefined);
    const comments = await t.database.db
      .selectFrom('comments')
      .select(['body', 'status', 'reader_id'])
      .where('article_id', '=', article.id)
      .execute();
    assert.deepEqual(comments, [{ body: '', status: 'deleted', reader_id: null }]);
    assert.equal((await reader.get('/community/account/data.json')).statusCode, 401);
  });

  test('the guidelines page has the default text until a manager replaces it through the admin API', async () => {
    const page = await inject(t.app, { method: 'GET', url: '/community/guidelines' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Why we have comments/);
    assert.match(String(page.headers['surrogate-key']), /guidelines:1/);
    const siteId = t.fixture.site.id;
    const writer = await signIn(t.app, 'writer@daily.test');
    const refused = await writer.request({
      method: 'PUT',
      url: `/api/admin/v1/sites/${siteId}/guidelines`,
      payload: { title: 'x', sections: [] },
    });
    assert.equal(refused.statusCode, 403);
    const admin = await signIn(t.app, 'admin@daily.test');
    const invalid = await admin.request({
      method: 'PUT',
      url: `/api/admin/v1/sites/${siteId}/guidelines`,
      payload: { title: '', sections: [] },
    });
    assert.equal(invalid.statusCode, 422);
    const put = await admin.request({
      method: 'PUT',
      url: `/api/admin/v1/sites/${siteId}/guidelines`,
      payload: { title: 'House rules', sections: [{ heading: 'Be kind <b>', paragraphs: ['No shouting.'] }] },
    });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json().custom, true);
    const edited = await inject(t.app, { method: 'GET', url: '/community/guidelines' });
    assert.match(edited.body, /<h1>House rules<\/h1>/);
    assert.match(edited.body, /<h2>Be kind &lt;b&gt;<\/h2>/);
    const reset = await admin.request({ method: 'DELETE', url: `/api/admin/v1/sites/${siteId}/guidelines` });
    assert.equal(reset.json().custom, false);
    assert.match(
      (await inject(t.app, { method: 'GET', url: '/community/guidelines' })).body,
      /Why we have comments/,
    );
    const audit = await admin.request({
      method: 'GET',
      url: '/api/admin/v1/audit?action=community.guidelines.update',
    });
    assert.equal(audit.json().data.length, 1);
  });
});
