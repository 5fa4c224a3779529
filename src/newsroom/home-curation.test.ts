/** Home-page curation over HTTP: the curated top stories lead the reader home page in order; the cache follows. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, type SignedInClient, signIn } from '../testing/admin-api.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';

describe('home-page curation', async () => {
  const { app, clock, fixture, users } = await buildAdminTestApp();
  let editor: SignedInClient;
  const ids: number[] = [];
  let draftId = 0;
  const home = () => app.inject({ method: 'GET', url: '/', headers: { host: 'daily.test' } });
  const put = (articleIds: unknown, site = fixture.site.id) =>
    editor.request({ method: 'PUT', url: `${ADMIN}/sites/${site}/home`, payload: { articleIds } });

  before(async () => {
    editor = await signIn(app, users.editor.email);
    for (let i = 1; i <= 5; i++) {
      clock.set(new Date(TEST_NOW.getTime() - (6 - i) * 3_600_000));
      const created = await editor.request({
        method: 'POST',
        url: `${ADMIN}/articles`,
        payload: { siteId: fixture.site.id, sectionId: fixture.europe.id, headline: `Story number ${i}` },
      });
      const { id } = created.json();
      await editor.request({ method: 'POST', url: `${ADMIN}/articles/${id}/publish` });
      ids.push(id);
    }
    clock.set(TEST_NOW);
    draftId = (
      await editor.request({
        method: 'POST',
        url: `${ADMIN}/articles`,
        payload: { siteId: fixture.site.id, sectionId: fixture.europe.id, headline: 'Not yet' },
      })
    ).json().id;
  });
  after(() => app.close());

  const order = (body: string) =>
    [...body.matchAll(/Story number (\d)/g)]
      .map((m) => Number(m[1]))
      .filter((n, i, all) => all.indexOf(n) === i);

  test('curated stories lead in the given order, then the latest; the cached home page is purged', async () => {
    const before = await home();
    assert.deepEqual(order(before.body).slice(0, 3), [5, 4, 3], 'newest first without curation');
    // Cached now: the same ETag until something purges `home:<site>`.
    assert.equal((await home()).headers.etag, before.headers.etag);
    assert.match(String(before.headers['surrogate-key']), new RegExp(`home:${fixture.site.id}`));

    const res = await put([ids[1], ids[3]]);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { data: { articleIds: [ids[1], ids[3]] } });
    const after = await home();
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.deepEqual(order(after.body).slice(0, 5), [2, 4, 5, 3, 1]);
    assert.match(
      after.body,
      /<h2 class="rail-heading">Top stories<\/h2>.*Story number 4.*<h2 class="rail-heading">Latest<\/h2>/s,
    );

    const got = await editor.request({ method: 'GET', url: `${ADMIN}/sites/${fixture.site.id}/home` });
    assert.deepEqual(got.json(), { data: { articleIds: [ids[1], ids[3]] } });
    const audit = await app.services.newsroom.audit.list({ action: 'homepage.curate' });
    assert.deepEqual(audit.items[0]?.details, { articleIds: [ids[1], ids[3]] });
    assert.equal(audit.items[0]?.userId, users.editor.id);
  });

  test('a curated story taken down drops out of the home page and the curated list', async () => {
    await editor.request({ method: 'POST', url: `${ADMIN}/articles/${ids[1]}/unpublish` });
    assert.deepEqual(order((await home()).body).slice(0, 2), [4, 5]);
    const got = await editor.request({ method: 'GET', url: `${ADMIN}/sites/${fixture.site.id}/home` });
    assert.deepEqual(got.json().data.articleIds, [ids[3]]);
  });

  test('only published articles of the site, each once, at most 12; per-field messages', async () => {
    const draft = await put([ids[0], draftId]);
    assert.equal(draft.statusCode, 422);
    assert.deepEqual(draft.json().fields, [
      { field: 'articleIds[1]', message: `article ${draftId} is not a published article of this site` },
    ]);
    assert.equal((await put([ids[0], ids[0]])).json().fields[0].message, 'lists an article twice');
    const many = await put(Array.from({ length: 13 }, (_, i) => i + 1));
    assert.equal(many.statusCode, 422);
    assert.match(many.body, /at most 12/);
    assert.equal((await put('nope')).statusCode, 422);
    assert.equal((await put([0])).statusCode, 422);
    assert.equal((await put([ids[0]], 999)).statusCode, 404);
    const missing = await editor.request({
      method: 'PUT',
      url: `${ADMIN}/sites/${fixture.site.id}/home`,
      payload: {},
    });
    assert.deepEqual(missing.json().fields, [{ field: 'articleIds', message: 'is required' }]);
    // Nothing changed by the refused writes.
    const got = await editor.request({ method: 'GET', url: `${ADMIN}/sites/${fixture.site.id}/home` });
    assert.deepEqual(got.json().data.articleIds, [ids[3]]);
  });

  test('an empty list ends curation: the latest lead again', async () => {
    assert.equal((await put([])).statusCode, 200);
    assert.deepEqual(order((await home()).body).slice(0, 2), [5, 4]);
  });
});
