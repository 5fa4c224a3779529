/** Corrections: appended to a published article, dated in the site's time zone, marked updated, audited. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, signIn } from '../testing/admin-api.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';

describe('corrections', async () => {
  const { app, clock, fixture, users } = await buildAdminTestApp();
  after(() => app.close());

  test('a correction shows at the end of the article, dated, and marks it updated', async () => {
    const editor = await signIn(app, users.editor.email);
    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/articles`,
      payload: {
        siteId: fixture.site.id,
        sectionId: fixture.europe.id,
        headline: 'Mayor opens bridge',
        body: [{ type: 'paragraph', text: 'The bridge opened.' }],
      },
    });
    const { id, slug } = created.json();
    const correct = (text: string) =>
      editor.request({ method: 'POST', url: `${ADMIN}/articles/${id}/corrections`, payload: { text } });
    assert.equal((await correct('Too early.')).statusCode, 409, 'a draft takes no corrections');
    await editor.request({ method: 'POST', url: `${ADMIN}/articles/${id}/publish` });
    const page = () =>
      app.inject({ method: 'GET', url: `/world/europe/${slug}/${id}`, headers: { host: 'daily.test' } });
    assert.doesNotMatch((await page()).body, /class="corrections"/);

    clock.set(new Date(TEST_NOW.getTime() + 2 * 3_600_000));
    const res = await correct(
      '  An earlier version of this article gave the wrong <b>name</b> for the bridge.  ',
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(
      res.json().data.text,
      'An earlier version of this article gave the wrong <b>name</b> for the bridge.',
    );
    assert.equal(res.json().article.updatedAt, '2025-10-21T14:05:00.000Z');

    const body = (await page()).body;
    assert.match(body, /· Updated <time datetime="2025-10-21T10:05:00-04:00">/);
    assert.ok(
      body.includes(
        '<h2 id="corrections-heading">Correction</h2>\n<p><time datetime="2025-10-21T10:05:00-04:00">Tuesday, 21 October 2025 10:05 AM EDT</time>: An earlier version of this article gave the wrong &lt;b&gt;name&lt;/b&gt; for the bridge.</p>',
      ),
    );
    assert.ok(body.indexOf('class="corrections"') > body.indexOf('The bridge opened.'));

    const got = await editor.request({ method: 'GET', url: `${ADMIN}/articles/${id}` });
    assert.equal(got.json().corrections.length, 1);
    const audit = await app.services.newsroom.audit.list({ action: 'article.correct' });
    assert.equal(audit.items[0]?.subjectId, id);

    assert.equal((await correct('   ')).statusCode, 422);
    assert.equal((await correct('x'.repeat(2001))).json().fields[0].field, 'text');
    const writer = await signIn(app, users.writer.email);
    const refused = await writer.request({
      method: 'POST',
      url: `${ADMIN}/articles/${id}/corrections`,
      payload: { text: 'Nope' },
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(
      (
        await editor.request({
          method: 'POST',
          url: `${ADMIN}/articles/9999/corrections`,
          payload: { text: 'x' },
        })
      ).statusCode,
      404,
    );
  });
});
