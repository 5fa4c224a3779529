/** The wire desk's admin routes: each route, its permission, and bad input (422/404/409, never 500). */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN, buildAdminTestApp, type SignedInClient, signIn } from '../../testing/admin-api.ts';
import { fixturesFolder } from '../../testing/fixtures.ts';

const nitf = fixturesFolder('nitf');
const agencies = fixturesFolder('newsml-g2-agencies');

describe('wire admin API', { skip: !nitf || !agencies }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dateline-wire-admin-'));
  let ctx: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let admin: SignedInClient;
  let editor: SignedInClient;
  let writer: SignedInClient;
  let sourceId: number;

  before(async () => {
    ctx = await buildAdminTestApp({ env: { DATELINE_DATA_DIR: dataDir } });
    admin = await signIn(ctx.app, 'admin@daily.test');
    editor = await signIn(ctx.app, 'editor@daily.test');
    writer = await signIn(ctx.app, 'writer@daily.test');
  });
  after(async () => {
    await ctx.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('sources: create, read, list, change; folder locations stay inside the drop folder', async () => {
    const created = await admin.request({
      method: 'POST',
      url: `${ADMIN}/wire/sources`,
      payload: {
        name: 'Reuters drop',
        siteId: ctx.fixture.site.id,
        kind: 'folder',
        location: 'reuters',
        defaultSectionId: ctx.fixture.world.id,
        sectionRules: [{ subject: 'subj:15000000', section: 'world/europe' }],
        autoPublish: false,
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const source = created.json();
    sourceId = source.id;
    assert.equal(source.location, 'reuters');
    assert.equal(source.autoPublish, false);
    assert.equal(
      (await editor.request({ url: `${ADMIN}/wire/sources/${sourceId}` })).json().name,
      'Reuters drop',
    );
    const list = await editor.request({ url: `${ADMIN}/wire/sources?site=${ctx.fixture.site.id}` });
    assert.deepEqual(
      list.json().data.map((s: { id: number }) => s.id),
      [sourceId],
    );
    const patched = await admin.request({
      method: 'PATCH',
      url: `${ADMIN}/wire/sources/${sourceId}`,
      payload: { pollSeconds: 120 },
    });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json().pollSeconds, 120);
  });

  test('sources: bad input answers 422 naming the fields', async () => {
    const bad = await admin.request({
      method: 'POST',
      url: `${ADMIN}/wire/sources`,
      payload: {
        name: ' ',
        siteId: 999,
        kind: 'folder',
        location: '../../etc',
        format: 'docx',
        sectionRules: [{ section: 'nowhere' }],
      },
    });
    assert.equal(bad.statusCode, 422);
    const fields = bad.json().fields.map((f: { field: string }) => f.field);
    assert.deepEqual(fields, ['name', 'siteId', 'format', 'location', 'sectionRules[0]']);
    const feed = await admin.request({
      method: 'POST',
      url: `${ADMIN}/wire/sources`,
      payload: { name: 'Feed', siteId: ctx.fixture.site.id, kind: 'feed', location: 'javascript:alert(1)' },
    });
    assert.equal(feed.statusCode, 422);
    assert.match(feed.json().message, /location must be an http\(s\) URL/);
    const unknown = await admin.request({
      method: 'POST',
      url: `${ADMIN}/wire/sources`,
      payload: { name: 'X', siteId: 1, kind: 'ftp' },
    });
    assert.equal(unknown.statusCode, 422);
    const taken = await admin.request({
      method: 'POST',
      url: `${ADMIN}/wire/sources`,
      payload: { name: 'Reuters drop', siteId: ctx.fixture.site.id, kind: 'manual' },
    });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.json().message, /already used/);
    assert.equal((await admin.request({ url: `${ADMIN}/wire/sources/424242` })).statusCode, 404);
    assert.equal((await admin.request({ url: `${ADMIN}/wire/sources/abc` })).statusCode, 422);
  });

  test('permissions: editors review but do not configure; writers do neither; CSRF is required', async () => {
    const denied = await editor.request({
      method: 'PATCH',
      url: `${ADMIN}/wire/sources/${sourceId}`,
      payload: { enabled: false },
    });
    assert.equal(denied.statusCode, 403);
    assert.equal((await writer.request({ url: `${ADMIN}/wire/sources` })).statusCode, 403);
    const noCsrf = await admin.request({
      method: 'DELETE',
      url: `${ADMIN}/wire/sources/${sourceId}`,
      csrf: false,
    });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((await ctx.app.inject({ url: `${ADMIN}/wire/sources` })).statusCode, 401);
  });

  test('the queue: preview, publish as is, ignore; refused items with reason and original', async () => {
    const wire = ctx.app.services.wire;
    const source = (await wire.sources.byId(sourceId))!;
    const [queued] = await wire.ingestFile(source, {
      name: 'pa4.xml',
      bytes: readFileSync(join(nitf!, 'samples/pa4.xml')),
    });
    const [other] = await wire.ingestFile(source, {
      name: 'pa1.xml',
      bytes: readFileSync(join(nitf!, 'samples/pa1.xml')),
    });
    const [refused] = await wire.ingestFile(source, {
      name: 'package.xml',
      bytes: readFileSync(join(agencies!, 'reuters/TRE7AA2CP_package.xml')),
    });

    const queue = await editor.request({ url: `${ADMIN}/wire/sources/${sourceId}/items` });
    assert.equal(queue.statusCode, 200);
    assert.deepEqual(
      queue.json().data.map((i: { id: number }) => i.id),
      [other!.wireItemId, queued!.wireItemId],
    );
    const preview = await editor.request({ url: `${ADMIN}/wire/items/${queued!.wireItemId}` });
    assert.equal(
      preview.json().preview.headline,
      'GREAT BRITISH BAKE OFF COOKS UP TOP FIVE MOST-WATCHED SHOWS OF 2016',
    );
    assert.ok(preview.json().preview.body.length > 3);

    const published = await editor.request({
      method: 'POST',
      url: `${ADMIN}/wire/items/${queued!.wireItemId}/publish`,
    });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().status, 'published');
    const article = await ctx.app.services.content.articles.findById(published.json().articleId);
    assert.equal(article?.status, 'published');
    const again = await editor.request({
      method: 'POST',
      url: `${ADMIN}/wire/items/${queued!.wireItemId}/publish`,
    });
    assert.equal(again.statusCode, 409);

    assert.equal(
      (await editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${other!.wireItemId}/ignore` }))
        .statusCode,
      200,
    );
    assert.equal(
      (await editor.request({ method: 'POST', url: `${ADMIN}/wire/items/424242/ignore` })).statusCode,
      404,
    );

    const refusedList = await editor.request({
      url: `${ADMIN}/wire/sources/${sourceId}/items?status=refused`,
    });
    const row = refusedList.json().data[0];
    assert.equal(row.id, refused!.wireItemId);
    assert.equal(row.refusalCode, 'package');
    assert.match(row.refusalReason, /package of other items/);
    const original = await editor.request({ url: `${ADMIN}/wire/items/${row.id}/original` });
    assert.equal(original.statusCode, 200);
    assert.match(original.headers['content-type'] as string, /^text\/plain/);
    assert.match(original.headers['content-disposition'] as string, /attachment; filename="package.xml"/);
    assert.match(original.body, /packageItem/);
    assert.equal(
      (await editor.request({ url: `${ADMIN}/wire/sources/${sourceId}/items?status=lost` })).statusCode,
      422,
    );

    const audit = await admin.request({ url: `${ADMIN}/audit?action=wire.item.publish` });
    assert.equal(audit.json().data.length, 1);
  });

  test('mappings: put, list, replace, delete; a tag of another site or nothing is refused', async () => {
    const tag = ctx.fixture.tags[0]!;
    const put = await admin.request({
      method: 'PUT',
      url: `${ADMIN}/wire/sources/${sourceId}/mappings`,
      payload: { kind: 'subject', value: 'subj:15000000', tagId: tag.id },
    });
    assert.equal(put.statusCode, 200, put.body);
    const replaced = await admin.request({
      method: 'PUT',
      url: `${ADMIN}/wire/sources/${sourceId}/mappings`,
      payload: { kind: 'subject', value: 'subj:15000000', tagId: null },
    });
    assert.equal(replaced.json().id, put.json().id);
    const list = await editor.request({ url: `${ADMIN}/wire/sources/${sourceId}/mappings` });
    assert.deepEqual(
      list.json().data.map((m: { tagId: number | null }) => m.tagId),
      [null],
    );
    const badTag = await admin.request({
      method: 'PUT',
      url: `${ADMIN}/wire/sources/${sourceId}/mappings`,
      payload: { kind: 'keyword', value: 'x', tagId: 999_999 },
    });
    assert.equal(badTag.statusCode, 422);
    const blank = await admin.request({
      method: 'PUT',
      url: `${ADMIN}/wire/sources/${sourceId}/mappings`,
      payload: { kind: 'keyword', value: '   ', tagId: null },
    });
    assert.equal(blank.statusCode, 422);
    const removed = await admin.request({
      method: 'DELETE',
      url: `${ADMIN}/wire/sources/${sourceId}/mappings/${put.json().id}`,
    });
    assert.equal(removed.statusCode, 204);
    assert.equal(
      (
        await admin.request({
          method: 'DELETE',
          url: `${ADMIN}/wire/sources/${sourceId}/mappings/${put.json().id}`,
        })
      ).statusCode,
      404,
    );
  });

  test('deleting a source', async () => {
    assert.equal(
      (await admin.request({ method: 'DELETE', url: `${ADMIN}/wire/sources/${sourceId}` })).statusCode,
      204,
    );
    assert.equal((await admin.request({ url: `${ADMIN}/wire/sources/${sourceId}` })).statusCode, 404);
  });
});
