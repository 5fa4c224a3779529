import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { API } from '../testing/content-api.ts';
import { buildDemoApp } from '../testing/demo-app.ts';
import { docsContentSecurityPolicy } from './docs.ts';

/** Every data route of the API, as the OpenAPI document must list it. */
const routes = [
  '/articles',
  '/articles/{id}',
  '/articles/by-slug/{slug}',
  '/sections',
  '/tags',
  '/authors',
  '/search',
];

describe('Content API documentation', async () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildDemoApp();
  });
  after(() => app.close());

  test('openapi.json is an OpenAPI 3.1 document listing every route, without a key', async () => {
    const res = await app.inject({ url: `${API}/openapi.json` });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    const doc = JSON.parse(res.body);
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.equal(doc.info.title, 'Dateline Content API');
    assert.deepEqual(Object.keys(doc.paths).sort(), routes.map((r) => API + r).sort());
    // biome-ignore lint/suspicious/noExplicitAny: the document under test is read field by field.
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      assert.deepEqual(Object.keys(item), ['get'], path);
      const op = item.get;
      assert.ok(op.summary, `${path} has a summary`);
      assert.ok(op.responses['200'], `${path} documents 200`);
      assert.ok(op.responses['401'] && op.responses['400'], `${path} documents its errors`);
      for (const param of op.parameters ?? []) assert.ok(param.schema, `${path} ${param.name} has a schema`);
    }
    const list = doc.paths[`${API}/articles`].get;
    assert.deepEqual(
      list.parameters.map((p: { name: string }) => p.name),
      ['site', 'section', 'tag', 'author', 'updated_since', 'cursor', 'limit', 'fields'],
    );
    assert.deepEqual(Object.keys(doc.components.schemas).sort(), ['Article', 'Block', 'Error']);
    assert.deepEqual(doc.components.schemas.Article.properties.updated_at.type, ['string', 'null']);
    for (const field of ['byline_text', 'dateline_place']) {
      assert.deepEqual(doc.components.schemas.Article.properties[field].type, ['string', 'null'], field);
    }
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['apiKey', 'bearer']);
    // No reference points nowhere.
    for (const ref of res.body.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) {
      assert.ok(doc.components.schemas[ref[1]!], ref[1]);
    }
  });

  test('the docs page works offline: its scripts and styles come from this server', async () => {
    const res = await app.inject({ url: `${API}/docs` });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    const assets = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.length >= 4);
    for (const asset of assets) {
      assert.ok(asset.startsWith(`${API}/docs/static/`), `${asset} is served here`);
      const file = await app.inject({ url: asset });
      assert.equal(file.statusCode, 200, asset);
    }
    const init = await app.inject({ url: `${API}/docs/static/swagger-initializer.js` });
    assert.match(init.body, /resolveUrl\('\.\/json'\)/);
    assert.doesNotMatch(init.body, /["'`]https?:\/\//, 'no third-party host');
    assert.equal((await app.inject({ url: `${API}/docs/json` })).json().openapi, '3.1.0');
  });

  test("the docs' Content-Security-Policy fits Swagger UI; the reader site's is unchanged", async () => {
    const docs = await app.inject({ url: `${API}/docs` });
    assert.equal(docs.headers['content-security-policy'], docsContentSecurityPolicy);
    assert.match(docsContentSecurityPolicy, /script-src 'self'(;|$)/);
    assert.doesNotMatch(docsContentSecurityPolicy, /unsafe-eval|https:|http:/);
    const script = await app.inject({ url: `${API}/docs/static/swagger-ui-bundle.js` });
    assert.equal(script.headers['content-security-policy'], docsContentSecurityPolicy);
    const api = await app.inject({ url: `${API}/openapi.json` });
    assert.equal(api.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'");
    const home = await app.inject({ url: '/' });
    assert.match(
      home.headers['content-security-policy'] as string,
      /^default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self';/,
    );
  });
});
