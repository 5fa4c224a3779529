/**
 * The desk's publishing rules and queue decisions on both dialects, over HTTP with real agency
 * files: rules per source and subject/keyword saved and validated (400 with a sentence, nothing
 * half-saved), applied at ingest with the reason kept on the row; an older queued version
 * superseded by a newer one in the same write; "open in the editor" making a draft that later
 * versions update and a kill retires; and the urgency backfill of 0021 from stored originals.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { backfillUrgency } from '../../platform/database/migrations/0021-wire-desk-rules.ts';
import {
  ADMIN,
  buildAdminTestApp,
  DialectMissing,
  type SignedInClient,
  signIn,
} from '../../testing/admin-api.ts';
import { testDialects } from '../../testing/databases.ts';
import { fixturesFolder } from '../../testing/fixtures.ts';
import type { SourceInput, WireSource } from '../sources.ts';

const nitf = fixturesFolder('nitf');
const agencies = fixturesFolder('newsml-g2-agencies');

for (const dialect of testDialects) {
  describe(`wire desk rules, supersede and drafts on ${dialect.name}`, { skip: !nitf || !agencies }, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-wire-rules-'));
    let ctx: Awaited<ReturnType<typeof buildAdminTestApp>> | null = null;
    let admin: SignedInClient;
    let editor: SignedInClient;
    let desk: WireSource;
    let auto: WireSource;
    const reuters = (name: string) => readFileSync(join(agencies!, 'reuters', name));
    /** KBN0FL0NN as the agency would send a later version of it. */
    const kbn = (version: number, headline: string, pubStatus = 'usable') =>
      Buffer.from(
        reuters('KBN0FL0NN_v5_update.xml')
          .toString('utf8')
          .replace('version="5"', `version="${version}"`)
          .replace('<pubStatus qcode="stat:usable"/>', `<pubStatus qcode="stat:${pubStatus}"/>`)
          .replace(/(<headline[^>]*>)([^<]*)/, `$1${headline}`),
      );
    const ingest = async (source: WireSource, name: string, bytes: Uint8Array) => {
      const [o] = await ctx!.app.services.wire.ingestFile(source, { name, bytes });
      return o!;
    };
    const patchRules = (source: WireSource, body: Record<string, unknown>) =>
      admin.request({ method: 'PATCH', url: `${ADMIN}/wire/sources/${source.id}`, payload: body });

    before(async () => {
      try {
        ctx = await buildAdminTestApp({ dialect, env: { DATELINE_DATA_DIR: dataDir } });
      } catch (error) {
        if (error instanceof DialectMissing) return;
        throw error;
      }
      admin = await signIn(ctx.app, 'admin@daily.test');
      editor = await signIn(ctx.app, 'editor@daily.test');
      const base: SourceInput = {
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
      };
      const { sources } = ctx.app.services.wire;
      desk = await sources.create(base, ctx.clock.now());
      auto = await sources.create({ ...base, name: 'Auto', autoPublish: true }, ctx.clock.now());
    });
    after(async () => {
      await ctx?.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('publish rules are saved per source; bad rules answer 400 with a sentence and change nothing', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const saved = await patchRules(desk, {
        publishRules: [
          { subject: ' MCC:SPO ', decision: 'publish' },
          { subject: 'xyz:a-code-nobody-knows', decision: 'review' },
        ],
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(saved.json().publishRules, [
        { subject: 'MCC:SPO', decision: 'publish' },
        { subject: 'xyz:a-code-nobody-knows', decision: 'review' },
      ]);
      const cases: [unknown, RegExp][] = [
        [
          { subject: '   ', decision: 'publish' },
          /Publish rule 1 has an empty subject; give a subject or remove the rule\./,
        ],
        [
          { keyword: 'x'.repeat(201), decision: 'review' },
          /Publish rule 1 has a keyword of 201 characters; at most 200/,
        ],
        [
          { subject: 'a', keyword: 'b', decision: 'review' },
          /Publish rule 1 needs exactly one of a subject code or a keyword/,
        ],
        [{ decision: 'review' }, /needs exactly one of a subject code or a keyword/],
        [
          { keyword: 'sport', decision: 'maybe' },
          /must decide "publish" \(auto-publish\) or "review" \(desk review\), not "maybe"/,
        ],
      ];
      for (const [rule, message] of cases) {
        const res = await patchRules(desk, { autoPublish: true, publishRules: [rule] });
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.json().message, message);
      }
      const stored = (await ctx!.app.services.wire.sources.byId(desk.id))!;
      assert.equal(stored.autoPublish, false, 'a refused change saves nothing');
      assert.equal(stored.publishRules.length, 2);
      const forbidden = await editor.request({
        method: 'PATCH',
        url: `${ADMIN}/wire/sources/${desk.id}`,
        payload: { publishRules: [] },
      });
      assert.equal(forbidden.statusCode, 403);
      desk = stored;
      auto = (
        await patchRules(auto, {
          publishRules: [
            { keyword: 'trivia (oct 14)', decision: 'publish' },
            { subject: 'subj:15000000', decision: 'review' },
          ],
        })
      ).json();
    });

    test('rules decide at ingest, and the row says why it was queued or published', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { store } = ctx!.app.services.wire;
      // A desk-review source: its sport (MCC:SPO) publishes, the rest waits.
      const sport = await ingest(desk, 'L4N0BT5PJ_text.xml', reuters('L4N0BT5PJ_text.xml'));
      assert.equal(sport.status, 'published');
      assert.equal(
        (await store.byId(sport.wireItemId!))!.decisionReason,
        'The rule for subject "MCC:SPO" auto-publishes it.',
      );
      const bake = await ingest(desk, 'pa4.xml', readFileSync(join(nitf!, 'samples/pa4.xml')));
      assert.equal(bake.status, 'queued');
      // An auto-publish source: sport waits for the desk, even though a publish rule matches too.
      const trivia = await ingest(auto, 'pa1.xml', readFileSync(join(nitf!, 'samples/pa1.xml')));
      assert.equal(trivia.status, 'queued', 'a matching review rule wins over a matching publish rule');
      const ap = await ingest(auto, 'ap-nitf.xml', readFileSync(join(nitf!, 'samples/ap-nitf.xml')));
      assert.equal(ap.status, 'published');
      assert.equal(
        (await store.byId(ap.wireItemId!))!.decisionReason,
        'The source auto-publishes; no rule matched.',
      );
      const item = (await editor.request({ url: `${ADMIN}/wire/items/${trivia.wireItemId}` })).json();
      assert.equal(item.status, 'queued');
      assert.equal(item.decisionReason, 'The rule for subject "subj:15000000" sends it to desk review.');
      const queue = (await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items` })).json();
      const row = queue.data.find((r: { id: number }) => r.id === bake.wireItemId);
      assert.equal(row.decisionReason, 'The source waits for desk review; no rule matched.');
    });

    test('a newer version supersedes the queued one: one row per guid, the older in the history', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { store } = ctx!.app.services.wire;
      const v5 = await ingest(desk, 'KBN0FL0NN_v5_update.xml', reuters('KBN0FL0NN_v5_update.xml'));
      assert.equal(v5.status, 'queued');
      const v6 = await ingest(desk, 'KBN0FL0NN_v6.xml', kbn(6, 'Assad sworn in for new term'));
      assert.equal(v6.status, 'queued');
      assert.equal((await store.byId(v5.wireItemId!))!.status, 'superseded');
      const queue = (await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items` })).json();
      const ofGuid = queue.data.filter((r: { guid: string }) => r.guid === v6.guid);
      assert.deepEqual(
        ofGuid.map((r: { id: number }) => r.id),
        [v6.wireItemId],
      );
      const item = (await editor.request({ url: `${ADMIN}/wire/items/${v6.wireItemId}` })).json();
      assert.deepEqual(
        item.versions.map((v: { version: number; status: string }) => [v.version, v.status]),
        [
          [6, 'queued'],
          [5, 'superseded'],
        ],
      );
      const listed = (
        await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items?status=superseded` })
      ).json();
      assert.deepEqual(
        listed.data.map((r: { id: number }) => r.id),
        [v5.wireItemId],
      );
      const late = await editor.request({
        method: 'POST',
        url: `${ADMIN}/wire/items/${v5.wireItemId}/publish`,
      });
      assert.equal(late.statusCode, 409);
      assert.match(late.json().message, /is superseded, not waiting in the queue/);
    });

    test('open in the editor: a draft article; a later version updates it, a kill retires it', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { store } = ctx!.app.services.wire;
      const { content } = ctx!.app.services;
      const queued = (await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items` })).json();
      const v6 = queued.data.find((r: { version: number }) => r.version === 6);
      const res = await editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${v6.id}/draft` });
      assert.equal(res.statusCode, 200, res.body);
      const { status, articleId } = res.json();
      assert.equal(status, 'drafted');
      const article = (await content.articles.findById(articleId))!;
      assert.equal(article.status, 'draft', 'not published');
      assert.equal(article.headline, 'Assad sworn in for new term');
      assert.equal(article.bylineText, 'By Marwan Makdisi');
      const row = (await store.byId(v6.id))!;
      assert.deepEqual([row.status, row.articleId], ['drafted', articleId]);
      const after = (await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items` })).json();
      assert.ok(!after.data.some((r: { id: number }) => r.id === v6.id), 'it left the queue');
      const drafted = (
        await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items?status=drafted` })
      ).json();
      assert.deepEqual(
        drafted.data.map((r: { id: number }) => r.id),
        [v6.id],
      );

      const again = await editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${v6.id}/draft` });
      assert.equal(again.statusCode, 409);
      assert.match(
        again.json().message,
        new RegExp(`Wire item ${v6.id} is drafted, not waiting in the queue`),
      );
      const audit = await ctx!.app.services.newsroom.audit.list({ action: 'wire.item.draft' });
      assert.ok(audit.items.some((e) => e.subjectId === v6.id));

      const before = await content.articles.listForNewsroom({ siteId: ctx!.fixture.site.id });
      const v7 = await ingest(desk, 'KBN0FL0NN_v7.xml', kbn(7, 'Assad begins new term'));
      assert.deepEqual([v7.status, v7.articleId], ['updated', articleId]);
      const updated = (await content.articles.findById(articleId))!;
      assert.equal(updated.status, 'draft', 'the update lands in the draft, not on the site');
      assert.equal(updated.headline, 'Assad begins new term');
      assert.equal((await store.byId(v7.wireItemId!))!.status, 'drafted');
      const afterUpdate = await content.articles.listForNewsroom({ siteId: ctx!.fixture.site.id });
      assert.equal(afterUpdate.total, before.total, 'no second article');

      const kill = await ingest(desk, 'KBN0FL0NN_v8.xml', kbn(8, 'Assad begins new term', 'canceled'));
      assert.deepEqual([kill.status, kill.articleId], ['killed', articleId]);
      assert.equal((await content.articles.findById(articleId))!.status, 'unpublished');
      const later = await ingest(desk, 'KBN0FL0NN_v9.xml', kbn(9, 'Back again'));
      assert.equal(later.status, 'ignored', 'a kill is final');
    });

    test('two desk editors deciding one item at once: one wins, the other gets 409, one article', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { content } = ctx!.app.services;
      const queued = (await editor.request({ url: `${ADMIN}/wire/sources/${desk.id}/items` })).json();
      const bake = queued.data.find((r: { headline: string }) => /bake/i.test(r.headline));
      assert.ok(bake, 'the Bake Off item still waits');
      const before = (await content.articles.listForNewsroom({ siteId: ctx!.fixture.site.id })).total;
      const answers = await Promise.all([
        editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${bake.id}/draft` }),
        editor.request({ method: 'POST', url: `${ADMIN}/wire/items/${bake.id}/publish` }),
      ]);
      assert.deepEqual(
        answers.map((r) => r.statusCode).sort(),
        [200, 409],
        answers.map((r) => r.body).join(' | '),
      );
      const refused = answers.find((r) => r.statusCode === 409)!;
      assert.match(refused.json().message, /no longer queued|not waiting in the queue/);
      const after = (await content.articles.listForNewsroom({ siteId: ctx!.fixture.site.id })).total;
      assert.equal(after, before + 1, 'one article, not two');
    });

    test('0021 fills the urgency of older rows from their original file when it is unambiguous', async (t) => {
      if (!ctx) return t.skip('no database for this dialect');
      const { db } = ctx!.app.services.database;
      const rows = await db
        .selectFrom('wire_items')
        .select(['id', 'urgency'])
        .where('urgency', 'is not', null)
        .execute();
      assert.ok(rows.length >= 4, 'NITF and NewsML-G2 files with urgency were ingested');
      // As rows stored before 0018 read urgency: none.
      await db.updateTable('wire_items').set({ urgency: null }).execute();
      await backfillUrgency(db);
      const back = await db
        .selectFrom('wire_items')
        .select(['id', 'urgency'])
        .where('urgency', 'is not', null)
        .execute();
      assert.deepEqual(
        new Map(back.map((r) => [r.id, r.urgency])),
        new Map(rows.map((r) => [r.id, r.urgency])),
      );
    });
  });
}
