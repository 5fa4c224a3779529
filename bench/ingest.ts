// npm run bench:ingest: wire ingestion throughput on SQLite (a temporary file), through the
// real app (so the page cache and the search index follow every article, as in production).
// 20,000 NewsML-G2 files are made in a temporary folder by varying the real agency samples
// (guid, version, headline), never committed; each is one item, read from disk and ingested.
//   BENCH_ITEMS (default 20000)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig, openDatabase } from '../src/platform/index.ts';
import { FIXTURES_DIR } from '../src/testing/fixtures.ts';
import { createSmallSite } from '../src/testing/small-site.ts';
import { ingestBatchSize, parseWireFile } from '../src/wire/index.ts';

const itemCount = Number(process.env.BENCH_ITEMS ?? 20_000);
const samples = [
  'newsml-g2-agencies/reuters/KBN0FL0NN_v5_update.xml',
  'newsml-g2-agencies/reuters/L4N0BT5PJ_text.xml',
  'newsml-g2-agencies/reuters/L1N14N0FF_v978556838_usable.xml',
  'newsml-g2-agencies/dpa/dpa.xml',
  'newsml-g2-agencies/stt/stt_newsml_test.xml',
  'newsml-g2-agencies/stt/stt_newsml_note_test.xml',
  'newsml-g2-agencies/ansa/ansa-newsmlg2-text.xml',
  'newsml-g2-dpa-digitalwires/newsml-g2/dw-1.xml',
  'newsml-g2-dpa-digitalwires/newsml-g2/rubix_multimedia_real.xml',
  'newsml-g2-iptc/examples/LISTING_2_NewsML-G2_Text_Document.xml',
].map((path) => readFileSync(join(FIXTURES_DIR, path), 'utf8'));

const work = mkdtempSync(join(tmpdir(), 'dateline-bench-ingest-'));
const drop = join(work, 'drop');
mkdirSync(drop);

/** Variant n of a sample: its own guid and headline, and a version so updates look like updates. */
function variant(text: string, n: number): string {
  return text
    .replace(/(<(?:\w+:)?newsItem\b[^>]*?\sguid=")([^"]+)"/, `$1$2-bench-${n}"`)
    .replace(/(<(?:\w+:)?headline\b[^>]*>)([^<]*)/, `$1$2 (${n})`);
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function main() {
  console.log(`Making ${itemCount} NewsML-G2 files from ${samples.length} real samples…`);
  for (let n = 0; n < itemCount; n++) {
    writeFileSync(
      join(drop, `item-${String(n).padStart(6, '0')}.xml`),
      variant(samples[n % samples.length]!, n),
    );
  }
  const check = parseWireFile(readFileSync(join(drop, 'item-000000.xml')));
  if (check.items.length !== 1)
    throw new Error(`the variant does not parse: ${JSON.stringify(check.refusals)}`);

  const url = `sqlite:${join(work, 'bench.db')}`;
  const database = await openDatabase(url);
  const config = loadConfig({ env: { LOG_LEVEL: 'silent', DATABASE_URL: url, DATELINE_DATA_DIR: work } });
  const app = await buildApp({ config, database });
  const now = new Date();
  const fixture = await createSmallSite(app.services.content, now);
  const wire = app.services.wire;
  const source = await wire.sources.manualFor(fixture.site.id, now);

  const names = readdirSync(drop).sort();
  const timer = setInterval(sample, 100);
  const counts = new Map<string, number>();
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  // As the drop folder takes them: a batch of files at a time, one transaction each.
  for (let i = 0; i < names.length; i += ingestBatchSize) {
    const files = names
      .slice(i, i + ingestBatchSize)
      .map((name) => ({ name, bytes: readFileSync(join(drop, name)) }));
    for (const outcomes of await wire.ingestFiles(source, files)) {
      for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  sample();
  const articles = await database.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await app.close();
  await database.close();
  rmSync(work, { recursive: true, force: true });

  const rate = names.length / seconds;
  console.log(
    `Ingested ${names.length} files in ${seconds.toFixed(1)} s on SQLite: ${Math.round(rate)} items/s`,
  );
  console.log(
    `CPU time: ${cpuSeconds.toFixed(1)} s (${((cpuSeconds / names.length) * 1000).toFixed(2)} ms an item; ${Math.round(names.length / cpuSeconds)} items per CPU-second). On a busy machine the wall-clock rate is lower than this.`,
  );
  console.log(
    `Outcomes: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}; articles stored: ${Number(articles.n)}`,
  );
  console.log(
    `Peak memory (RSS): ${(peakRss / 1024 / 1024).toFixed(0)} MB (max RSS reported by the OS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
  );
  console.log(rate >= 1000 ? 'Target met: at least 1,000 items/s.' : 'Below the 1,000 items/s target.');
}

main().catch((error) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
