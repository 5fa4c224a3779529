/** The admin API over HTTP on the real app (SQLite, fixed clock): sign-in, cookies, CSRF, articles, audit. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, PASSWORD, type SignedInClient, signIn } from '../testing/admin-api.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';

describe('admin API', async () => {
  const { app, clock, fixture, users } = await buildAdminTestApp();
  let editor: SignedInClient;
  let writer: SignedInClient;
  let admin: SignedInClient;
  const draft = (client: SignedInClient, headline = 'Summit opens in Geneva') =>
    client.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: {
        siteId: fixture.site.id,
        sectionId: fixture.europe.id,
        headline,
        tagIds: [fixture.tags[0]!.id],
      },
    });

  before(async () => {
    editor = await signIn(app, users.editor.email);
    writer = await signIn(app, users.writer.email);
    admin = await signIn(app, users.admin.email);
  });
  after(() => app.close());

  test('sign-in sets an HttpOnly, SameSite=Lax, Path=/ cookie and answers the user and CSRF token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `${ADMIN}/session`,
      payload: { email: users.moderator.email, password: PASSWORD },
    });
    assert.equal(res.statusCode, 200);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^dl_staff=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.deepEqual(body.user, { ...users.moderator });
    assert.match(body.csrfToken, /^[\w-]{43}$/);

    const me = await app.inject({
      method: 'GET',
      url: `${ADMIN}/session`,
      headers: { cookie: cookie.split(';')[0]! },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().csrfToken, body.csrfToken);
    assert.equal(me.json().user.role, 'moderator');
  });

  test('the cookie is Secure when the request came over HTTPS', async () => {
    const login = (target: typeof app) =>
      target.inject({
        method: 'POST',
        url: `${ADMIN}/session`,
        payload: { email: users.moderator.email, password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
    // Without TRUST_PROXY the forwarded scheme is not believed: plain HTTP, no Secure.
    assert.doesNotMatch(String((await login(app)).headers['set-cookie']), /Secure/);
    const behindProxy = await buildAdminTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const res = await login(behindProxy.app);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['set-cookie']), /; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      await behindProxy.app.close();
    }
  });

  test('unknown email, wrong password and a locked address answer the same words', async () => {
    const attempt = (email: string, password: string) =>
      app.inject({ method: 'POST', url: `${ADMIN}/session`, payload: { email, password } });
    const unknown = await attempt('ghost@daily.test', PASSWORD);
    const wrong = await attempt('lock.me@daily.test', 'not the password');
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(unknown.json(), { error: 'LOGIN_FAILED', message: 'Email or password is incorrect.' });
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(unknown.headers['set-cookie'], undefined);

    // An existing account locks after 5 failures; the answer then is 429 with the same body.
    for (let i = 0; i < 5; i++) assert.equal((await attempt(users.writer.email, 'wrong')).statusCode, 401);
    const locked = await attempt(users.writer.email, PASSWORD);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.headers['retry-after'], '900');
    assert.deepEqual(locked.json(), unknown.json());
    // An address without an account locks the same way: the lockout tells nothing.
    for (let i = 0; i < 5; i++) await attempt('ghost@daily.test', 'wrong');
    const ghost = await attempt('ghost@daily.test', PASSWORD);
    assert.equal(ghost.statusCode, 429);
    assert.deepEqual(ghost.json(), locked.json());
    assert.equal(ghost.headers['retry-after'], '900');

    // The writer's existing session still works; the lock only stops new sign-ins.
    assert.equal((await writer.request({ method: 'GET', url: `${ADMIN}/session` })).statusCode, 200);
    clock.set(new Date(TEST_NOW.getTime() + 15 * 60_000));
    assert.equal((await attempt(users.writer.email, PASSWORD)).statusCode, 200);
    clock.set(TEST_NOW);
  });

  test('no session: 401 everywhere but sign-in and the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: `${ADMIN}/articles` });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error, 'UNAUTHENTICATED');
    const forged = await app.inject({
      method: 'GET',
      url: `${ADMIN}/articles`,
      headers: { cookie: 'dl_staff=forged' },
    });
    assert.equal(forged.statusCode, 401);
    const doc = await app.inject({ method: 'GET', url: `${ADMIN}/openapi.json` });
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.json().info.title, 'Dateline Admin API');
    assert.ok(doc.json().paths['/api/admin/v1/articles/{id}/publish'].post);
  });

  test('state-changing requests need the session’s CSRF token', async () => {
    const without = await draft({ ...editor, request: (o) => editor.request({ ...o, csrf: false }) });
    assert.equal(without.statusCode, 403);
    assert.equal(without.json().error, 'CSRF_INVALID');
    const wrong = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      csrf: false,
      headers: { 'x-csrf-token': writer.csrfToken },
      payload: { siteId: fixture.site.id, sectionId: fixture.europe.id, headline: 'x' },
    });
    assert.equal(wrong.statusCode, 403, "another session's token is refused");
    const logout = await editor.request({ method: 'DELETE', url: `${ADMIN}/session`, csrf: false });
    assert.equal(logout.statusCode, 403);
    assert.equal((await draft(editor)).statusCode, 201);
  });

  test('a writer edits their own draft but not someone else’s, and cannot publish', async () => {
    const mine = (await draft(writer, 'Writer draft')).json();
    const theirs = (await draft(editor, 'Editor draft')).json();
    const edit = (id: number, expectedRevision: number) =>
      writer.request({
        method: 'PATCH',
        url: `${ADMIN}/articles/${id}`,
        payload: { expectedRevision, summary: 'New summary' },
      });
    const ok = await edit(mine.id, 1);
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().summary, 'New summary');
    assert.equal(ok.json().revision, 2);
    const refused = await edit(theirs.id, 1);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error, 'FORBIDDEN');
    assert.match(refused.json().message, /only articles you created/);
    const publish = await writer.request({ method: 'POST', url: `${ADMIN}/articles/${mine.id}/publish` });
    assert.equal(publish.statusCode, 403);
    // The editor may edit the writer's article.
    const byEditor = await editor.request({
      method: 'PATCH',
      url: `${ADMIN}/articles/${mine.id}`,
      payload: { expectedRevision: 2, headline: 'Edited by the desk' },
    });
    assert.equal(byEditor.statusCode, 200);
  });

  test('editing over a stale revision answers 409', async () => {
    const created = (await draft(editor, 'Conflict story')).json();
    const patch = (expectedRevision: number, headline: string) =>
      editor.request({
        method: 'PATCH',
        url: `${ADMIN}/articles/${created.id}`,
        payload: { expectedRevision, headline },
      });
    assert.equal((await patch(1, 'First save')).statusCode, 200);
    const stale = await patch(1, 'Second save from an old copy');
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error, 'REVISION_CONFLICT');
    const read = (await editor.request({ method: 'GET', url: `${ADMIN}/articles/${created.id}` })).json();
    assert.equal(read.headline, 'First save');
    assert.equal(read.revisionCount, 2);
    const revisions = (
      await editor.request({ method: 'GET', url: `${ADMIN}/articles/${created.id}/revisions` })
    ).json();
    assert.deepEqual(
      revisions.data.map((r: { revision: number }) => r.revision),
      [2, 1],
    );
  });

  test('validation errors: one shape for schema problems, content rules and unknown references', async () => {
    const post = (payload: unknown) =>
      editor.request({ method: 'POST', url: `${ADMIN}/articles`, payload: payload as object });
    const missing = await post({ siteId: fixture.site.id, sectionId: fixture.europe.id });
    assert.equal(missing.statusCode, 422);
    assert.deepEqual(missing.json().fields, [{ field: 'headline', message: 'is required' }]);
    assert.equal(missing.json().error, 'VALIDATION');
    assert.equal(typeof missing.json().message, 'string');

    const rules = await post({
      siteId: fixture.site.id,
      sectionId: fixture.europe.id,
      headline: 'x'.repeat(301),
      slug: 'Not A Slug',
      body: [{ type: 'paragraph', text: ' ' }],
    });
    assert.equal(rules.statusCode, 422);
    assert.deepEqual(rules.json().fields, [
      { field: 'headline', message: 'must be at most 300 characters' },
      { field: 'slug', message: 'must be lower-case letters, digits and single hyphens' },
      { field: 'body[0]', message: 'text is required' },
    ]);

    const refs = await post({
      siteId: fixture.site.id,
      sectionId: fixture.europe.id,
      headline: 'x',
      tagIds: [999],
      agencyId: 999,
    });
    assert.equal(refs.statusCode, 422);
    assert.deepEqual(
      refs.json().fields.map((f: { field: string }) => f.field),
      ['tagIds', 'agencyId'],
    );

    const typed = await post({ siteId: fixture.site.id, sectionId: 'europe', headline: 'x' });
    assert.equal(typed.statusCode, 422);
    assert.equal(typed.json().fields[0].field, 'sectionId');

    const when = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles/1/schedule`,
      payload: { at: 'tomorrow' },
    });
    assert.equal(when.statusCode, 422);
    assert.equal(when.json().fields[0].field, 'at');
  });

  test('publishing through the API shows on the reader page at once and lands in the audit log', async () => {
    const created = (await draft(editor, 'Harbor bridge reopens')).json();
    const page = `/${fixture.world.path}/${fixture.europe.slug}/${created.slug}/${created.id}`;
    const read = () => app.inject({ method: 'GET', url: page, headers: { host: 'daily.test' } });
    assert.equal((await read()).statusCode, 404);

    const published = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles/${created.id}/publish`,
    });
    assert.equal(published.statusCode, 200);
    assert.equal(published.json().status, 'published');
    const first = await read();
    assert.equal(first.statusCode, 200);
    assert.ok(first.body.includes('Harbor bridge reopens'));
    const home = await app.inject({ method: 'GET', url: '/', headers: { host: 'daily.test' } });
    assert.ok(home.body.includes('Harbor bridge reopens'), 'the front lists it');

    // An edit with announce changes the cached page on the next request.
    const edited = await editor.request({
      method: 'PATCH',
      url: `${ADMIN}/articles/${created.id}`,
      payload: { expectedRevision: 2, headline: 'Harbor bridge reopens to traffic', announce: true },
    });
    assert.equal(edited.statusCode, 200);
    assert.equal(edited.json().updatedAt, TEST_NOW.toISOString());
    assert.ok((await read()).body.includes('Harbor bridge reopens to traffic'));

    const down = await editor.request({ method: 'POST', url: `${ADMIN}/articles/${created.id}/unpublish` });
    assert.equal(down.statusCode, 200);
    assert.equal((await read()).statusCode, 410);
    const again = await editor.request({ method: 'POST', url: `${ADMIN}/articles/${created.id}/unpublish` });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'TRANSITION_REFUSED');

    const audit = await admin.request({ method: 'GET', url: `${ADMIN}/audit` });
    assert.equal(audit.statusCode, 200);
    const forArticle = audit
      .json()
      .data.filter(
        (e: { subjectType: string; subjectId: number }) =>
          e.subjectType === 'article' && e.subjectId === created.id,
      )
      .map((e: { action: string; userId: number }) => [e.action, e.userId]);
    assert.deepEqual(forArticle, [
      ['article.unpublish', users.editor.id],
      ['article.edit', users.editor.id],
      ['article.publish', users.editor.id],
      ['article.create', users.editor.id],
    ]);
    assert.equal((await editor.request({ method: 'GET', url: `${ADMIN}/audit` })).statusCode, 403);
  });

  test('scheduling needs a future time; the article shows when due', async () => {
    const created = (await draft(editor, 'Scheduled piece')).json();
    const schedule = (at: string) =>
      editor.request({ method: 'POST', url: `${ADMIN}/articles/${created.id}/schedule`, payload: { at } });
    assert.equal((await schedule('2025-10-21T12:00:00Z')).statusCode, 409);
    const ok = await schedule('2025-10-21T13:00:00Z');
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().status, 'scheduled');
    assert.equal(ok.json().publishedAt, '2025-10-21T13:00:00.000Z');
  });

  test('lists filter by site, status, section and headline text', async () => {
    const list = async (query: string) =>
      (await editor.request({ method: 'GET', url: `${ADMIN}/articles?${query}` })).json();
    const drafts = await list(`site=${fixture.site.id}&status=draft`);
    assert.ok(drafts.data.length > 0);
    assert.ok(drafts.data.every((a: { status: string }) => a.status === 'draft'));
    assert.deepEqual(
      (await list('q=SUMMIT%20opens')).data.map((a: { headline: string }) => a.headline).sort(),
      ['Summit opens in Geneva'],
    );
    assert.equal((await list(`section=${fixture.world.id}`)).total, (await list('')).total);
    const unknown = await editor.request({ method: 'GET', url: `${ADMIN}/articles?section=999` });
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().fields[0].field, 'section');
    const sites = await editor.request({ method: 'GET', url: `${ADMIN}/sites` });
    assert.deepEqual(
      sites.json().data.map((s: { slug: string }) => s.slug),
      ['daily'],
    );
    const tags = await editor.request({ method: 'GET', url: `${ADMIN}/sites/${fixture.site.id}/tags` });
    assert.equal(tags.json().data.length, 3);
    assert.equal(
      (await editor.request({ method: 'GET', url: `${ADMIN}/sites/99/sections` })).statusCode,
      404,
    );
  });

  test('signing out ends the session', async () => {
    const client = await signIn(app, users.admin.email);
    const out = await client.request({ method: 'DELETE', url: `${ADMIN}/session` });
    assert.equal(out.statusCode, 204);
    assert.match(
      String(out.headers['set-cookie']),
      /^dl_staff=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0$/,
    );
    assert.equal((await client.request({ method: 'GET', url: `${ADMIN}/session` })).statusCode, 401);
  });
});
