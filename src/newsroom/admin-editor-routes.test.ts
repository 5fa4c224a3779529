import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, signIn } from '../testing/admin-api.ts';

describe('the editor extension of the admin API', async () => {
  const { app, fixture, users } = await buildAdminTestApp();
  after(() => app.close());
  const writer = await signIn(app, users.writer.email);

  const draft = async () => {
    const res = await writer.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: {
        siteId: fixture.site.id,
        sectionId: fixture.europe.id,
        headline: 'Harbor <talks> resume',
        summary: 'A draft nobody has seen',
        body: [{ type: 'paragraph', text: 'The first paragraph.' }],
        tagIds: [fixture.tags[0]!.id],
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: number };
  };

  test("a draft's preview is the reader site's article page, escaped, never indexed or cached", async () => {
    const { id } = await draft();
    const res = await writer.request({ method: 'GET', url: `${ADMIN}/articles/${id}/preview` });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<h1 id="headline">Harbor &lt;talks&gt; resume<\/h1>/);
    assert.match(res.body, /class="tags-row"/);
    assert.match(res.body, /<link rel="stylesheet" href="\/assets\/site\.[0-9a-f]+\.css">/);
    assert.equal(res.headers['x-robots-tag'], 'noindex, nofollow');
    assert.equal(res.headers['cache-control'], 'no-store');
    // The site's policy (its own stylesheet and script), framed only by the same origin.
    assert.match(String(res.headers['content-security-policy']), /style-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'self'/);
    // Readers still cannot see it.
    const reader = await app.inject({ method: 'GET', url: `/world/europe/harbor-talks-resume/${id}` });
    assert.equal(reader.statusCode, 404);
  });

  test('a preview needs a session, and an article that exists', async () => {
    const { id } = await draft();
    const anonymous = await app.inject({ method: 'GET', url: `${ADMIN}/articles/${id}/preview` });
    assert.equal(anonymous.statusCode, 401);
    const missing = await writer.request({ method: 'GET', url: `${ADMIN}/articles/999999/preview` });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error, 'NOT_FOUND');
  });

  test("a site's authors and agencies, for the byline", async () => {
    const authors = await writer.request({ method: 'GET', url: `${ADMIN}/sites/${fixture.site.id}/authors` });
    assert.deepEqual(
      authors
        .json()
        .data.map((a: { name: string }) => a.name)
        .sort(),
      ['Ann Writer', 'Bob Editor'],
    );
    const agencies = await writer.request({
      method: 'GET',
      url: `${ADMIN}/sites/${fixture.site.id}/agencies`,
    });
    assert.deepEqual(
      agencies.json().data.map((a: { name: string }) => a.name),
      ['Test Wire Agency'],
    );
    const none = await writer.request({ method: 'GET', url: `${ADMIN}/sites/999/authors` });
    assert.equal(none.statusCode, 404);
  });
});
