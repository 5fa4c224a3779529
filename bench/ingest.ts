// npm run bench:ingest: wire ingestion throughput on SQLite (a temporary file), through the
// real app (so the page cache and the search index follow every article, as in production).
// 20,000 NewsML-G2 files are made in a temporary folder by varying the real agency samples
// (guid, version, headline), never committed; each is one item, read from disk and ingested.
// The same files are ingested in each round, each into a fresh database and app, so a busy
// machine shows as rounds that disagree. Each round reports the load average at its start,
// items per second of wall clock and per second of this process's CPU time (user + system,
// which survives a loaded machine better), and the process's peak memory.
//   BENCH_ITEMS (default 20000), BENCH_ROUNDS (default 2)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig, openDatabase } from '../src/platform/index.ts';
import { FIXTURES_DIR } from '../src/testing/fixtures.ts';
import { createSmallSite } from '../src/testing/small-site.ts';
import { ingestBatchSize, parseWireFile } from '../src/wire/index.ts';

const itemCount = Number(process.env.BENCH_ITEMS ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const target = 1000;
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

interface Round {
  readonly load: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRss: number;
  readonly outcomes: string;
  readonly articles: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function ingestRound(round: number, names: readonly string[]): Promise<Round> {
  const url = `sqlite:${join(work, `bench-${round}.db`)}`;
  const database = await openDatabase(url);
  const config = loadConfig({ env: { LOG_LEVEL: 'silent', DATABASE_URL: url, DATELINE_DATA_DIR: work } });
  const app = await buildApp({ config, database });
  const now = new Date();
  const fixture = await createSmallSite(app.services.content, now);
  const wire = app.services.wire;
  const source = await wire.sources.manualFor(fixture.site.id, now);

  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const counts = new Map<string, number>();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
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
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const articles = await database.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await app.close();
  await database.close();
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(`${url.slice('sqlite:'.length)}${suffix}`, { force: true });
  return {
    load,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRss,
    outcomes: [...counts].map(([k, v]) => `${k} ${v}`).join(', '),
    articles: Number(articles.n),
  };
}

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
  const names = readdirSync(drop).sort();

  const results: Round[] = [];
  for (let round = 1; round <= rounds; round++) {
    const r = await ingestRound(round, names);
    results.push(r);
    const perItemMs = (r.cpuSeconds / names.length) * 1000;
    console.log(
      `Round ${round} (load average at start ${r.load}): ${names.length} files in ${r.seconds.toFixed(1)} s, ` +
        `${Math.round(names.length / r.seconds)} items/s wall clock; CPU ${r.cpuSeconds.toFixed(1)} s, ` +
        `${perItemMs.toFixed(2)} ms an item, ${Math.round(names.length / r.cpuSeconds)} items per CPU-second; ` +
        `peak RSS ${mb(r.peakRss)}`,
    );
    console.log(`  outcomes: ${r.outcomes}; articles stored: ${r.articles}`);
  }
  rmSync(work, { recursive: true, force: true });

  const best = Math.max(...results.map((r) => names.length / r.seconds));
  const bestCpu = Math.max(...results.map((r) => names.length / r.cpuSeconds));
  console.log(
    `Peak memory (max RSS reported by the OS, whole run): ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
  console.log(
    `Best round: ${Math.round(best)} items/s wall clock, ${Math.round(bestCpu)} items per CPU-second. ` +
      (best >= target
        ? `Target met: at least ${target.toLocaleString('en')} items/s.`
        : `Below the ${target.toLocaleString('en')} items/s target on the wall clock` +
          (bestCpu >= target ? ' (met in CPU time: the machine is busy).' : '.')),
  );
}

main().catch((error) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
