/**
 * Batched ingest: many files in one transaction follow the same rules as one at a time (a
 * version and its withdrawal in the same batch, duplicates inside a batch), search finds what a
 * batch committed, and a failure mid-batch loses no committed item and duplicates none.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { fixturesFolder } from '../testing/fixtures.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { buildTestApp } from '../testing/test-app.ts';
import type { ReceivedFile, WireService, WireSource } from './index.ts';

const agencies = fixturesFolder('newsml-g2-agencies');
const NOW = new Date('2025-01-23T12:00:00.000Z');

const read = (name: string) => readFileSync(join(agencies!, name), 'utf8');

/** Variant n of a sample: its own guid and headline (as the benchmark makes them). */
function variant(text: string, n: number, tag = 'batch'): ReceivedFile {
  const body = text
    .replace(/(<(?:\w+:)?newsItem\b[^>]*?\sguid=")([^"]+)"/, `$1$2-${tag}-${n}"`)
    .replace(/(<(?:\w+:)?headline\b[^>]*>)([^<]*)/, `$1Zanzibarian ${tag} ${n}`);
  return { name: `${tag}-${n}.xml`, bytes: Buffer.from(body) };
}

for (const dialect of testDialects) {
  describe(`batched wire ingest on ${dialect.name}`, { skip: !agencies }, async () => {
    const handle = await dialect.open();
    let app: FastifyInstance;
    let wire: WireService;
    let source: WireSource;

    before(async () => {
      if (!handle) return;
      app = await buildTestApp({ database: handle, clock: fixedClock(NOW) });
      const fixture = await createSmallSite(app.services.content, NOW);
      wire = app.services.wire;
      source = await wire.sources.manualFor(fixture.site.id, NOW);
    });
    after(async () => {
      await app?.close();
      await handle?.close();
    });

    const articleCount = async () =>
      Number(
        (
          await handle!.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('one batch: new items, a usable version and its withdrawal, the same file twice', {
      skip: !handle,
    }, async () => {
      const sample = read('reuters/L4N0BT5PJ_text.xml');
      const usable = {
        name: 'usable.xml',
        bytes: Buffer.from(read('reuters/L1N14N0FF_v978556838_usable.xml')),
      };
      const canceled = {
        name: 'canceled.xml',
        bytes: Buffer.from(read('reuters/L1N14N0FF_v1542761538_canceled.xml')),
      };
      const files = [variant(sample, 1), usable, variant(sample, 2), canceled, variant(sample, 1), usable];
      const before = await articleCount();
      const results = await wire.ingestFiles(source, files);
      assert.deepEqual(
        results.map((r) => r.map((o) => o.status)),
        [['published'], ['published'], ['published'], ['killed'], ['duplicate'], ['duplicate']],
      );
      assert.equal(await articleCount(), before + 3);
      // The withdrawn article answers 410 and left the search index; the others are found.
      const killed = results[1]![0]!.articleId!;
      assert.equal(results[3]![0]!.articleId, killed);
      assert.equal((await app.services.content.articles.findById(killed))!.status, 'unpublished');
      const found = await app.services.search.search('Zanzibarian', { siteId: source.siteId, now: NOW });
      assert.deepEqual(
        found.items.map((i) => i.id).sort((a, b) => a - b),
        [results[0]![0]!.articleId!, results[2]![0]!.articleId!].sort((a, b) => a - b),
      );
    });

    test('more files than a batch, with refused files among them', { skip: !handle }, async () => {
      const sample = read('reuters/L4N0BT5PJ_text.xml');
      const files: ReceivedFile[] = [];
      for (let n = 0; n < 450; n++) {
        files.push(
          n % 100 === 7
            ? { name: `bad-${n}.xml`, bytes: Buffer.from('<newsItem') }
            : variant(sample, n, 'many'),
        );
      }
      const before = await articleCount();
      const results = await wire.ingestFiles(source, files);
      assert.equal(results.length, 450);
      const refused = results.filter((r) => r[0]!.status === 'refused').length;
      assert.equal(refused, 5);
      assert.equal(await articleCount(), before + 445);
      assert.match(results[7]![0]!.reason!, /^Malformed XML at line/);
    });

    test('a failure mid-batch loses no committed item and duplicates none', {
      skip: !handle || dialect.name !== 'sqlite' ? 'the failing trigger is SQLite SQL' : false,
    }, async () => {
      const sample = read('reuters/L4N0BT5PJ_text.xml');
      const files = Array.from({ length: 20 }, (_, n) => variant(sample, n, 'crash'));
      // A real database failure on the 13th article: the batch rolls back whole, is run again
      // file by file, and that run stops at the same file.
      await sql`create trigger fail_crash_12 before insert on articles when new.headline = 'Zanzibarian crash 12' begin select raise(abort, 'disk on fire'); end`.execute(
        handle!.db,
      );
      const before = await articleCount();
      await assert.rejects(wire.ingestFiles(source, files), /disk on fire/);
      assert.equal(await articleCount(), before + 12, 'the files before the failure committed, one by one');
      const orphans = await handle!.db
        .selectFrom('wire_items')
        .select('id')
        .where('guid', 'like', '%-crash-%')
        .where('article_id', 'is', null)
        .execute();
      assert.equal(orphans.length, 0, 'no wire row without its article');
      await sql`drop trigger fail_crash_12`.execute(handle!.db);
      // The loop takes the same files again on its next pass.
      const again = await wire.ingestFiles(source, files);
      const statuses = again.map((r) => r[0]!.status);
      assert.deepEqual(statuses, [...Array(12).fill('duplicate'), ...Array(8).fill('published')]);
      assert.equal(await articleCount(), before + 20);
    });
  });
}
