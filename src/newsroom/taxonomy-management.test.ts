/**
 * Sections and tags management over HTTP on both dialects: create, rename (old URLs answer 301,
 * pages and feeds alike), merge two tags (articles move, the old tag's page and feeds redirect).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN,
  buildAdminTestApp,
  DialectMissing,
  type SignedInClient,
  signIn,
} from '../testing/admin-api.ts';
import { testDialects } from '../testing/databases.ts';

for (const dialect of testDialects) {
  describe(`sections and tags management (${dialect.name})`, async () => {
    const built = await buildAdminTestApp({ dialect }).catch((error) => {
      if (error instanceof DialectMissing) return null;
      throw error;
    });
    if (!built) {
      test('needs PostgreSQL', (t) => t.skip('no PostgreSQL'));
      return;
    }
    const { app, fixture, users } = built;
    const site = fixture.site.id;
    const [summit, peace, war] = fixture.tags;
    let editor: SignedInClient;
    const articles: Record<string, { id: number; slug: string }> = {};
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { host: 'daily.test' } });
    const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      editor.request({ method, url: `${ADMIN}${url}`, payload });
    const expectRedirect = async (from: string, to: string) => {
      const res = await get(from);
      assert.equal(res.statusCode, 301, `${from}: ${res.statusCode}`);
      assert.equal(res.headers.location, to, from);
    };

    before(async () => {
      editor = await signIn(app, users.editor.email);
      for (const [name, tagIds] of [
        ['both', [summit!.id, war!.id]],
        ['war', [war!.id]],
        ['summit', [summit!.id]],
      ] as const) {
        const res = await send('POST', '/articles', {
          siteId: site,
          sectionId: fixture.europe.id,
          headline: `Tagged ${name}`,
          tagIds,
        });
        articles[name] = res.json();
        await editor.request({ method: 'POST', url: `${ADMIN}/articles/${articles[name]!.id}/publish` });
      }
    });
    after(() => app.close());

    test('create sections and subsections; bad names and slugs answer 422 per field', async () => {
      const money = await send('POST', `/sites/${site}/sections`, { name: 'Money Matters' });
      assert.equal(money.statusCode, 201, money.body);
      assert.equal(money.json().data.path, 'money-matters');
      const markets = await send('POST', `/sites/${site}/sections`, {
        name: 'Markets',
        parentId: money.json().data.id,
      });
      assert.equal(markets.json().data.path, 'money-matters/markets');
      assert.equal((await get('/money-matters/markets')).statusCode, 200);
      const listed = (await editor.request({ method: 'GET', url: `${ADMIN}/sites/${site}/sections` })).json()
        .data;
      assert.ok(listed.some((s: { path: string }) => s.path === 'money-matters/markets'));

      const bad = async (payload: object, field: string, message: RegExp) => {
        const res = await send('POST', `/sites/${site}/sections`, payload);
        assert.equal(res.statusCode, 422, res.body);
        const problem = res.json().fields.find((f: { field: string }) => f.field === field);
        assert.match(problem?.message ?? '', message, res.body);
      };
      await bad({ name: '  ' }, 'name', /is required/);
      await bad({ name: 'Tags', slug: 'tag' }, 'slug', /used by the site's own pages/);
      await bad({ name: 'Again', slug: 'money-matters' }, 'slug', /already lives at \/money-matters/);
      await bad({ name: 'Year', slug: '2024', parentId: fixture.world.id }, 'slug', /must contain a letter/);
      await bad({ name: 'Bad', slug: 'Not A Slug' }, 'slug', /lower-case letters/);
      await bad({ name: 'Orphan', parentId: 999 }, 'parentId', /there is no section 999/);
      assert.equal((await send('POST', '/sites/999/sections', { name: 'X' })).statusCode, 404);
    });

    test('a section whose slug changes moves with its subsections; old pages, articles and feeds answer 301', async () => {
      const story = articles.both!;
      assert.equal((await get('/world/europe')).statusCode, 200, 'cached before the change');
      const res = await send('PATCH', `/sections/${fixture.world.id}`, { name: 'Globe', slug: 'globe' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().data.name, res.json().data.path], ['Globe', 'globe']);
      assert.equal((await get('/globe/europe')).statusCode, 200);
      await expectRedirect('/world', '/globe');
      await expectRedirect('/world/europe', '/globe/europe');
      await expectRedirect('/world/europe?page=2', '/globe/europe?page=2');
      await expectRedirect(
        `/world/europe/${story.slug}/${story.id}`,
        `/globe/europe/${story.slug}/${story.id}`,
      );
      await expectRedirect('/feeds/section/world/europe/rss.xml', '/feeds/section/globe/europe/rss.xml');
      assert.match(
        (await get(`/globe/europe/${story.slug}/${story.id}`)).body,
        /<link rel="canonical" href="http:\/\/daily.test\/globe\/europe\//,
      );

      // Back again: the section takes its old path back, and the newer one redirects.
      await send('PATCH', `/sections/${fixture.world.id}`, { name: 'World', slug: 'world' });
      assert.equal((await get('/world/europe')).statusCode, 200);
      await expectRedirect('/globe/europe', '/world/europe');
      const taken = await send('PATCH', `/sections/${fixture.europe.id}`, { slug: 'europe', name: '' });
      assert.equal(taken.statusCode, 422);
      assert.equal((await send('PATCH', '/sections/999', { name: 'Nope' })).statusCode, 404);
    });

    test('tags: create (or find) for the editor, rename with a 301 from the old slug', async () => {
      const created = await send('POST', `/sites/${site}/tags`, { name: 'Climate Talks' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().data.slug, 'climate-talks');
      const again = await send('POST', `/sites/${site}/tags`, { name: 'climate talks' });
      assert.equal(again.statusCode, 200);
      assert.deepEqual([again.json().data.id, again.json().created], [created.json().data.id, false]);
      assert.equal((await send('POST', `/sites/${site}/tags`, { name: '!!!' })).statusCode, 422);

      const renamed = await send('PATCH', `/tags/${peace!.id}`, {
        name: 'Peace Process',
        slug: 'peace-process',
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      await expectRedirect('/tag/peace', '/tag/peace-process');
      await expectRedirect('/feeds/tag/peace/atom.xml', '/feeds/tag/peace-process/atom.xml');
      const clash = await send('PATCH', `/tags/${peace!.id}`, { slug: 'summit' });
      assert.equal(clash.statusCode, 422);
      assert.match(clash.json().fields[0].message, /already has it \(merge/);
    });

    test('merging a tag moves its articles (once each) and redirects its page and feeds', async () => {
      assert.equal((await get('/tag/war')).statusCode, 200, 'cached before the merge');
      const res = await send('POST', `/tags/${war!.id}/merge`, { intoTagId: summit!.id });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().data.movedArticleIds.sort(), [articles.both!.id, articles.war!.id].sort());
      for (const name of ['both', 'war', 'summit']) {
        const article = await app.services.content.articles.findById(articles[name]!.id);
        assert.deepEqual(article?.tagIds, [summit!.id], name);
      }
      await expectRedirect('/tag/war', '/tag/summit');
      await expectRedirect('/feeds/tag/war/rss.xml', '/feeds/tag/summit/rss.xml');
      const page = (await get('/tag/summit')).body;
      for (const name of ['both', 'war', 'summit']) assert.match(page, new RegExp(`Tagged ${name}`));
      assert.doesNotMatch((await get('/sitemaps/tags.xml')).body, /\/tag\/war</);
      const tags = (await editor.request({ method: 'GET', url: `${ADMIN}/sites/${site}/tags` })).json().data;
      assert.ok(!tags.some((t: { slug: string }) => t.slug === 'war'));

      // Merging again carries the older redirect along.
      await send('POST', `/tags/${summit!.id}/merge`, { intoTagId: peace!.id });
      await expectRedirect('/tag/war', '/tag/peace-process');
      await expectRedirect('/tag/summit', '/tag/peace-process');

      assert.equal(
        (await send('POST', `/tags/${peace!.id}/merge`, { intoTagId: peace!.id })).statusCode,
        422,
      );
      assert.equal((await send('POST', `/tags/${peace!.id}/merge`, { intoTagId: 999 })).statusCode, 422);
      assert.equal((await send('POST', `/tags/${war!.id}/merge`, { intoTagId: peace!.id })).statusCode, 404);
      const audit = await app.services.newsroom.audit.list({ action: 'tag.merge' });
      assert.equal(audit.total, 2);
    });
  });
}
