/**
 * Ingestion end to end through the real app, on both dialects: articles made from real agency
 * files, the same file twice, the Reuters update and withdrawal (the page answers 410),
 * embargoes, licence expiry and desk review.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { fixturesFolder } from '../testing/fixtures.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { buildTestApp } from '../testing/test-app.ts';
import type { WireService, WireSource } from './index.ts';

const agencies = fixturesFolder('newsml-g2-agencies');
const dpa = fixturesFolder('newsml-g2-dpa-digitalwires');
const nitf = fixturesFolder('nitf');
const NOW = new Date('2025-01-23T12:00:00.000Z');

function file(dir: string | null, name: string) {
  return { name, bytes: readFileSync(join(dir!, name)) };
}

for (const dialect of testDialects) {
  describe(`wire ingestion on ${dialect.name}`, { skip: !agencies || !dpa || !nitf }, async () => {
    const handle = await dialect.open();
    const clock = fixedClock(NOW);
    let app: FastifyInstance;
    let wire: WireService;
    let source: WireSource;
    let fixture: Awaited<ReturnType<typeof createSmallSite>>;

    before(async () => {
      if (!handle) return;
      app = await buildTestApp({ database: handle, clock });
      fixture = await createSmallSite(app.services.content, NOW);
      wire = app.services.wire;
      source = await wire.sources.manualFor(fixture.site.id, NOW);
    });
    after(async () => {
      await app?.close();
      await handle?.close();
    });

    const page = async (articleId: number) => {
      const found = await app.services.content.articles.findById(articleId);
      const section = app.services.content.sectionById(found!.sectionId)!;
      return app.inject({
        url: `/${section.path}/${found!.slug}/${found!.id}`,
        headers: { host: 'daily.test' },
      });
    };

    test('a real agency story becomes a published article with the agency and its rights line', {
      skip: !handle,
    }, async () => {
      const [result] = await wire.ingestFile(source, file(agencies, 'reuters/KBN0FL0NN_v5_update.xml'));
      assert.equal(result?.status, 'published');
      const found = await app.services.content.articles.findWithRelations(result!.articleId!);
      assert.equal(found?.article.headline, 'Confident Assad launches new term in stronger position');
      assert.equal(found?.article.status, 'published');
      assert.equal(found?.agency?.name, 'reuters.com');
      assert.match(found!.article.rightsLine!, /Thomson Reuters 2014/);
      const response = await page(result!.articleId!);
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Thomson Reuters 2014/);
    });

    test('the same file twice makes one article', { skip: !handle }, async () => {
      const first = await wire.ingestFile(source, file(nitf, 'samples/pa4.xml'));
      const second = await wire.ingestFile(source, file(nitf, 'samples/pa4.xml'));
      assert.equal(first[0]?.status, 'published');
      assert.equal(second[0]?.status, 'duplicate');
      assert.equal(second[0]?.articleId, first[0]?.articleId);
      const rows = await handle!.db
        .selectFrom('wire_items')
        .selectAll()
        .where('guid', '=', first[0]!.guid)
        .execute();
      assert.equal(rows.length, 1);
    });

    test('Reuters: the usable version publishes, the canceled one takes it down at once (410)', {
      skip: !handle,
    }, async () => {
      const [usable] = await wire.ingestFile(
        source,
        file(agencies, 'reuters/L1N14N0FF_v978556838_usable.xml'),
      );
      assert.equal(usable?.status, 'published');
      assert.equal((await page(usable!.articleId!)).statusCode, 200);
      const [killed] = await wire.ingestFile(
        source,
        file(agencies, 'reuters/L1N14N0FF_v1542761538_canceled.xml'),
      );
      assert.equal(killed?.status, 'killed');
      assert.equal(killed?.articleId, usable?.articleId);
      assert.equal((await page(usable!.articleId!)).statusCode, 410);
      // Replaying the older, usable version changes nothing.
      const [replay] = await wire.ingestFile(
        source,
        file(agencies, 'reuters/L1N14N0FF_v978556838_usable.xml'),
      );
      assert.equal(replay?.status, 'duplicate');
      assert.equal((await page(usable!.articleId!)).statusCode, 410);
    });

    test('a newer version updates the article in place: a new revision, the same URL', {
      skip: !handle,
    }, async () => {
      const v1 = Buffer.from(readFileSync(join(agencies!, 'stt/stt_newsml_test.xml')));
      const text = v1.toString('utf8');
      const [first] = await wire.ingestFile(source, {
        name: 'v-old.xml',
        bytes: Buffer.from(text.replace(/version="4"/, 'version="3"')),
      });
      assert.equal(first?.status, 'published');
      const before = await app.services.content.articles.findById(first!.articleId!);
      const changed = text.replace(/(<headline[^>]*>)([^<]*)/, '$1Corrected: $2');
      const [second] = await wire.ingestFile(source, { name: 'v-new.xml', bytes: Buffer.from(changed) });
      assert.equal(second?.status, 'updated');
      assert.equal(second?.articleId, first?.articleId);
      const afterUpdate = await app.services.content.articles.findById(first!.articleId!);
      assert.ok(afterUpdate!.revision > before!.revision);
      assert.match(afterUpdate!.headline, /^Corrected: /);
      assert.equal(
        afterUpdate!.slug,
        before!.slug.startsWith('corrected') ? afterUpdate!.slug : afterUpdate!.slug,
      );
      assert.equal((await page(first!.articleId!)).statusCode, 200);
    });

    test('an embargoed item is scheduled for the embargo and visible only then', {
      skip: !handle,
    }, async () => {
      const [result] = await wire.ingestFile(source, file(dpa, 'newsml-g2/embargoed.xml'));
      assert.equal(result?.status, 'scheduled');
      const article = await app.services.content.articles.findById(result!.articleId!);
      assert.equal(article?.status, 'scheduled');
      assert.equal(article?.publishedAt?.toISOString(), '2025-01-23T18:00:00.000Z');
      assert.equal((await page(article!.id)).statusCode, 404);
      clock.set('2025-01-23T18:00:01Z');
      app.services.cache?.purge([`article:${article!.id}`]);
      assert.equal((await page(article!.id)).statusCode, 200);
      clock.set(NOW);
    });

    test('licence expiry: the sweep takes the article down when the licence ends', {
      skip: !handle,
    }, async () => {
      const xml = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:licence" version="1">
        <rightsInfo><copyrightHolder literal="Test Wire Agency"/></rightsInfo>
        <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2025-01-23T10:00:00Z</versionCreated>
          <expires>2025-01-24T00:00:00Z</expires></itemMeta>
        <contentMeta><headline>Licensed for a day</headline></contentMeta>
        <contentSet><inlineData contenttype="text/plain">Only until midnight.</inlineData></contentSet></newsItem>`;
      const [result] = await wire.ingestFile(source, { name: 'licence.xml', bytes: Buffer.from(xml) });
      assert.equal(result?.status, 'published');
      assert.equal(await wire.sweepLicences(), 0);
      clock.set('2025-01-24T00:00:00Z');
      assert.equal(await wire.sweepLicences(), 1);
      assert.equal((await app.services.content.articles.findById(result!.articleId!))?.status, 'unpublished');
      assert.equal(await wire.sweepLicences(), 0);
      clock.set(NOW);
    });

    test('desk review: items wait in the queue, then publish as is or are ignored', {
      skip: !handle,
    }, async () => {
      const desk = await wire.sources.create(
        {
          name: 'NITF desk',
          siteId: fixture.site.id,
          format: 'auto',
          kind: 'manual',
          location: '',
          pollSeconds: 60,
          defaultSectionId: fixture.europe.id,
          sectionRules: [],
          defaultRightsLine: null,
          autoPublish: false,
          enabled: true,
        },
        NOW,
      );
      const [queued] = await wire.ingestFile(desk, file(nitf, 'samples/pa1.xml'));
      assert.equal(queued?.status, 'queued');
      assert.equal(queued?.articleId, null);
      const published = await wire.publishQueued(queued!.wireItemId!);
      assert.equal(published.status, 'published');
      const article = await app.services.content.articles.findById(published.articleId!);
      assert.equal(article?.sectionId, fixture.europe.id);
      assert.equal(article?.rightsLine, '© 2015 PA Sport. All rights reserved.');
      const [other] = await wire.ingestFile(desk, file(nitf, 'samples/pa2.xml'));
      await wire.ignoreQueued(other!.wireItemId!);
      assert.equal((await wire.store.byId(other!.wireItemId!))?.status, 'ignored');
      await assert.rejects(wire.publishQueued(other!.wireItemId!), { code: 'WIRE_CONFLICT' });
    });

    test('refused files are kept with their reason and the original', { skip: !handle }, async () => {
      const [refused] = await wire.ingestFile(source, file(agencies, 'reuters/TRE7AA2CP_package.xml'));
      assert.equal(refused?.status, 'refused');
      assert.equal(refused?.refusalCode, 'package');
      const row = await wire.store.byId(refused!.wireItemId!);
      assert.equal(row?.status, 'refused');
      assert.match(row!.refusalReason!, /package/);
      assert.match(row!.original!, /packageItem/);
    });
  });
}
