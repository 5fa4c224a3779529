// npm run bench:newsletter: one edition sent to 100,000 confirmed subscribers (half with ZIPs,
// spread over a few places with local stories) through the real sender and nodemailer's pool
// into a minimal loopback SMTP server (another process). SQLite in a temporary file.
//   BENCH_SUBSCRIBERS (default 100000); BENCH_SIZES="10000,100000" runs several list sizes in turn
//   to show memory does not grow with the list.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/index.ts';
import { seedConfirmedSubscribers } from '../src/testing/newsletter-seed.ts';
import { createSmallSite } from '../src/testing/small-site.ts';

const sizes = (process.env.BENCH_SIZES ?? process.env.BENCH_SUBSCRIBERS ?? '100000').split(',').map(Number);

async function startSink(): Promise<{
  port: number;
  count(): Promise<number>;
  stop(): void;
  child: ChildProcess;
}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./fast-smtp-sink.ts', import.meta.url))],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const port = Number(await next());
  return {
    port,
    child,
    async count() {
      const answer = next();
      child.stdin!.write('count\n');
      return Number(await answer);
    },
    stop: () => child.stdin!.end(),
  };
}

const places = [
  { zip: '10001', state: 'NY', county: 'New York', city: 'New York' },
  { zip: '90210', state: 'CA', county: 'Los Angeles', city: 'Beverly Hills' },
  { zip: '60601', state: 'IL', county: 'Cook', city: 'Chicago' },
  { zip: '12345', state: 'NY', county: 'Schenectady', city: 'Schenectady' },
];

async function run(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-newsletter-'));
  const sink = await startSink();
  try {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`,
      DATELINE_DATA_DIR: dir,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      SECRET_KEY: 'bench-secret-key-bench-secret-key-0123456789',
      LOG_LEVEL: 'warn',
      PAGE_CACHE: 'false',
    };
    const app = await buildApp({ config: loadConfig({ env }) });
    const { content, database, newsletter } = app.services;
    const { site, world } = await createSmallSite(content, new Date());
    for (let i = 0; i < 12; i++) {
      const draft = await content.createArticle(
        {
          siteId: site.id,
          sectionId: world.id,
          headline: `Story number ${i + 1} of the day, with a headline of ordinary length`,
          summary: 'A summary of the story in one sentence, as editors write them for the front page.',
          body: [{ type: 'paragraph', text: 'Text' }],
        },
        { savedBy: null },
      );
      await content.publishArticle(draft.id, { savedBy: null });
      const place = places[i % places.length]!;
      if (i >= 8)
        await newsletter.localities.set(draft.id, [{ state: place.state, county: null, city: place.city }]);
    }
    const seedStart = performance.now();
    // Half with a ZIP, spread over the places.
    for (let p = 0; p < places.length; p++) {
      const share = Math.ceil(count / places.length);
      await seedConfirmedSubscribers(database.db, {
        siteId: site.id,
        count: Math.min(share, count - p * share),
        email: (i) => `reader-${p}-${i}@bench.example`,
        zip: places[p]!,
      });
    }
    const seeded = performance.now() - seedStart;
    const edition = await newsletter.editions.assemble(site.id);

    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const sampler = setInterval(sample, 50);
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await newsletter.createSender().run(edition.id);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / Math.max(1, result.counts.sent);
    clearInterval(sampler);
    sample();
    const delivered = await sink.count();
    await app.close();
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      [
        `subscribers ${count.toLocaleString('en-US')} (seeded in ${(seeded / 1000).toFixed(1)} s)`,
        `  sent ${result.counts.sent.toLocaleString('en-US')}, the sink received ${delivered.toLocaleString('en-US')}, done: ${result.done}`,
        `  total ${seconds.toFixed(1)} s, ${Math.round(result.counts.sent / seconds).toLocaleString('en-US')} messages/s`,
        // The machine may be shared: CPU time per message says what one free core would do.
        `  sender CPU ${cpuMsPerMessage.toFixed(2)} ms a message (≈ ${Math.round(1000 / cpuMsPerMessage).toLocaleString('en-US')}/s on one free core); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
        `  peak RSS ${mb(peakRss)} (${mb(rssBefore)} before the send), peak heap used ${mb(peakHeap)}`,
      ].join('\n'),
    );
  } finally {
    sink.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const size of sizes) await run(size);
