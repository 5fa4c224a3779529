// npm run bench:scale: reader pages over a 1,000,000-article archive next to the same pages over
// 10,000, on SQLite (a temporary file) and PostgreSQL (a database it creates and drops), cold (page
// cache off: every request renders and queries) and warm (page cache on). Latency should not grow
// with the archive: the table's ratio column (large / small) should stay near 1.
//   --articles N   the large archive (default 1000000)   --small N   the small one (default 10000)
//   --dialect sqlite|postgres|both (default both)        --requests N   timed requests per kind and
//   mode (default 300)   --keep   keep the databases (their URLs are printed)
//   --reuse   measure the archives a previous --reuse run kept under fixed names (seeding and
//             keeping them the first time): seed once, on a busy machine if need be, then time
//             pages when it is quiet
//   BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test): where to create them.
// Run time on a 2-core machine: about 3-6 minutes per dialect at 1,000,000 (seeding dominates).
import { parseArgs } from 'node:util';
import { createContentService } from '../src/content/index.ts';
import { EventBus, fixedClock, migrateToLatest, openDatabase } from '../src/platform/index.ts';
import { measurePages, pageKinds, pickTargets, type Timings } from './scale/measure.ts';
import { readTaxonomy, type SiteTaxonomy, seedArchive, seededSize } from './scale/seed-archive.ts';
import { type DialectName, keptTarget, postgresTarget, sqliteTarget, type Target } from './scale/targets.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000000' },
    small: { type: 'string', default: '10000' },
    dialect: { type: 'string', default: 'both' },
    requests: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const large = positive(values.articles, '--articles');
const small = positive(values.small, '--small');
const requests = positive(values.requests, '--requests');
const dialects: DialectName[] =
  values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect as DialectName];
if (!dialects.every((d) => d === 'sqlite' || d === 'postgres')) {
  console.error('--dialect: must be sqlite, postgres or both');
  process.exit(2);
}
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// A minute boundary a little in the past, so `dateline serve` on a kept archive sees it as today.
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);

function positive(raw: string | undefined, name: string): number {
  const n = Number(raw?.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`${name}: must be a positive whole number, not ${raw}`);
    process.exit(2);
  }
  return n;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function runSize(target: Target, count: number): Promise<Timings> {
  const handle = await openDatabase(target.url);
  try {
    await migrateToLatest(handle);
    const content = createContentService({ db: handle.db, events: new EventBus(), clock: fixedClock(now) });
    const kept = values.reuse ? await seededSize(handle.db) : null;
    if (kept !== null && kept !== count)
      throw new Error(`${target.url} holds ${kept} articles, not ${count}: drop it to seed it again`);
    let taxonomy: SiteTaxonomy[];
    if (kept === null) {
      const seeded = await seedArchive(handle, content, {
        count,
        now,
        progress: (line) => process.stderr.write(`\n  ${target.dialect} ${line}`),
      });
      log(
        `\n  ${target.dialect} ${count.toLocaleString('en-US')}: rows in ${secs(seeded.insertMs)}, search documents and analyze in ${secs(seeded.indexMs)}`,
      );
      taxonomy = [...seeded.taxonomy];
    } else {
      await content.load();
      taxonomy = await readTaxonomy(handle.db, content);
      log(`  ${target.dialect} ${count.toLocaleString('en-US')}: the kept archive at ${target.url}`);
    }
    await content.load();
    const targets = await pickTargets(handle, content, taxonomy, now, Math.min(requests, 200));
    const timings = await measurePages(handle, targets, { now, requests });
    if (values.keep) log(`  kept: ${target.url}`);
    return timings;
  } finally {
    await handle.close();
    await target.cleanup(values.keep);
  }
}

const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}×`;
const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

const started = performance.now();
const { loadavg } = await import('node:os');
log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const dialect of dialects) {
  const results: Timings[] = [];
  let skipped = false;
  for (const count of [small, large]) {
    const target = values.reuse
      ? await keptTarget(dialect, postgresUrl, label(count))
      : dialect === 'sqlite'
        ? sqliteTarget(label(count))
        : await postgresTarget(postgresUrl, label(count));
    if (!target) {
      skipped = true;
      break;
    }
    results.push(await runSize(target, count));
  }
  if (skipped) continue;
  const [a, b] = results as [Timings, Timings];
  const S = label(small);
  const L = label(large);
  console.log(`\n${dialect}: p50 / p99 in ms, ${requests} requests per cell (ratio = ${L} / ${S})\n`);
  console.log(
    `| page | cold ${S} | cold ${L} | cold ratio p50 / p99 | warm ${S} | warm ${L} | warm ratio p50 / p99 |`,
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const kind of pageKinds) {
    const x = a[kind];
    const y = b[kind];
    console.log(
      `| ${kind} | ${f(x.cold.p50)} / ${f(x.cold.p99)} | ${f(y.cold.p50)} / ${f(y.cold.p99)} | ${ratio(x.cold.p50, y.cold.p50)} / ${ratio(x.cold.p99, y.cold.p99)} | ${f(x.warm.p50)} / ${f(x.warm.p99)} | ${f(y.warm.p50)} / ${f(y.warm.p99)} | ${ratio(x.warm.p50, y.warm.p50)} / ${ratio(x.warm.p99, y.warm.p99)} |`,
    );
  }
}
log(
  `\nload average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; total ${secs(performance.now() - started)}`,
);
