/**
 * The wire desk's filters and decisions on both dialects, over HTTP with real agency files:
 * urgency and agency stored and filtered (bad values 400 with a sentence), one item by id with
 * every version of it, a kill that takes earlier versions out of the queue, publishing an item
 * killed since it was queued answering 409 and moving it to the killed items, and the article
 * carrying the wire byline and dateline place.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN,
  buildAdminTestApp,
  DialectMissing,
  type SignedInClient,
  signIn,
} from '../../testing/admin-api.ts';
import { testDialects } from '../../testing/databases.ts';
import { fixturesFolder } from '../../testing/fixtures.ts';
import type { WireSource } from '../sources.ts';

const nitf = fixturesFolder('nitf');
const agencies = fixturesFolder('newsml-g2-agencies');

for (const dialect of testDialects) {
  describe(`wire desk filters and kills on ${dialect.name}`, { skip: !nitf || !agencies }, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-wire-desk-'));
    let ctx: Awaited<ReturnType<typeof buildAdminTestApp>> | null = null;
    let editor: SignedInClient;
    let desk: WireSource;
    const ids: Record<string, number> = {};

    const ingest = async (key: string, path: string, source = desk) => {
      const [o] = await ctx!.app.services.wire.ingestFile(source, {
        name: path.replace(/^.*\//, ''),
        bytes: readFileSync(path),
      });
      ids[key] = o!.wireItemId!;
      return o!;
    };

    before(async () => {
      try {
        ctx = await buildAdminTestApp({ dialect, env: { DATELINE_DATA_DIR: dataDir } });
      } catch (error) {
        if (error instanceof DialectMissing) return;
        throw error;
      }
      editor = await signIn(ctx.app, 'editor@daily.test');
      desk = await ctx.app.services.wire.sources.create(
        {
          name: 'Desk',
          siteId: ctx.fixture.site.id,
          format: 'auto',
          kind: 'manual',
          location: '',
          pollSeconds: 60,
          defaultSectionId: ctx.fixture.world.id,
          sectionRules: [],
          defaultRightsLine: null,
          autoPublish: false,
          enabled: true,
        },
        ctx.clock.now(),
      );
      await ingest('pa4', join(nitf!, 'samples/pa4.xml'));
      await ingest('ap', join(nitf!, 'samples/ap-nitf.xml'));
      await ingest('reuters', join(agencies!, 'reuters/KBN0FL0NN_v5_update.xml'));
      await ingest('usable', join(agencies!, 'reuters/L1N14N0FF_v978556838_usable.xml'));
    });
    after(async () => {
      await ctx?.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const items = (query: string) =>
      editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items${query}` });

    test('urgency and agency are stored from the file and filter the queue', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { store } = ctx!.app.services.wire;
      const reuters = (await store.byId(ids.reuters!))!;
      assert.equal(reuters.urgency, 4, 'NewsML-G2 contentMeta/urgency');
      assert.equal(reuters.agency, 'reuters.com');
      const ap = (await store.byId(ids.ap!))!;
      assert.equal(ap.agency, 'The Associated Press');
      const all = (await items('')).json();
      assert.equal(all.total, 4);
      const agencies = (await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/agencies` })).json();
      assert.ok(
        agencies.data.some((a: { name: string; items: number }) => a.name === 'reuters.com' && a.items === 2),
      );
      const byAgency = (await items('?agency=reuters.com')).json();
      assert.deepEqual(
        byAgency.data.map((r: { id: number }) => r.id),
        [ids.usable, ids.reuters],
      );
      const urgent = (await items(`?urgency=${reuters.urgency}`)).json();
      assert.ok(urgent.data.every((r: { urgency: number | null }) => r.urgency !== null && r.urgency <= 4));
      assert.ok(urgent.data.some((r: { id: number }) => r.id === ids.reuters));
      const flash = (await items('?urgency=1')).json();
      assert.equal(flash.total, 0);
    });

    test('unknown urgency or agency values answer 400 with a sentence', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      for (const bad of ['0', '10', 'high', '2.5']) {
        const res = await items(`?urgency=${bad}`);
        assert.equal(res.statusCode, 400, bad);
        assert.match(res.json().message, /urgency must be a whole number from 1 \(most urgent\) to 9/);
      }
      const res = await items('?agency=Nobody%20Press');
      assert.equal(res.statusCode, 400);
      assert.match(
        res.json().message,
        /names the agency "Nobody Press"; GET \/wire\/sources\/\d+\/agencies lists/,
      );
    });

    test('a kill while queued: the item by id lists both versions; publishing answers 409 and moves it', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { wire, content } = ctx!.app.services;
      // The kill arrives after the desk opened the queued version (the race the preview can show).
      const before = (await editor.request({ url: `${ADMIN}/wire/items/${ids.usable}` })).json();
      assert.equal(before.status, 'queued');
      assert.equal(before.versions.length, 1);
      await ingest('canceled', join(agencies!, 'reuters/L1N14N0FF_v1542761538_canceled.xml'));
      assert.equal(
        (await wire.store.byId(ids.usable!))!.status,
        'killed',
        'a kill empties the queue of its guid',
      );
      // As if the kill had landed a moment after that check: the row is queued again.
      await wire.store.setStatus(ids.usable!, 'queued', ctx!.clock.now());

      const item = (await editor.request({ url: `${ADMIN}/wire/items/${ids.usable}` })).json();
      assert.deepEqual(
        item.versions.map((v: { id: number; status: string }) => [v.id, v.status]),
        [
          [ids.canceled, 'killed'],
          [ids.usable, 'queued'],
        ],
      );
      const res = await editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${ids.usable}/publish` });
      assert.equal(res.statusCode, 409, res.body);
      assert.match(res.json().message, /The agency withdrew this item .*a kill is final/);
      const row = (await wire.store.byId(ids.usable!))!;
      assert.equal(row.status, 'killed');
      assert.equal(row.articleId, null, 'no article was made');
      assert.equal((await items('?status=killed')).json().total, 2);
      const articles = await content.articles.listForNewsroom({ siteId: ctx!.fixture.site.id });
      assert.ok(!articles.items.some((a) => a.headline === row.headline));
    });

    test('publishing wire copy keeps its byline and dateline place on the article', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { content } = ctx!.app.services;
      const res = await editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${ids.reuters}/publish` });
      assert.equal(res.statusCode, 200, res.body);
      const article = (await content.articles.findById(res.json().articleId))!;
      assert.equal(article.bylineText, 'By Marwan Makdisi');
      assert.equal(article.datelinePlace, 'Bangalore');
      assert.notEqual(
        (article.body[0] as { text: string }).text,
        'By Marwan Makdisi',
        'the byline left the body',
      );
      const ap = await editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${ids.ap}/publish` });
      const apArticle = (await content.articles.findById(ap.json().articleId))!;
      assert.equal(apArticle.datelinePlace, 'NEW YORK');
      assert.match(apArticle.bylineText ?? '', /^By BERNARD CONDON/);
    });
  });
}
