// Where an uncached article render's time goes, from the server's side: the real app (page cache
// off) on a demo SQLite database, a fresh client process sending sequential requests on one
// connection (bench/sequential-client.ts), and in this process the queries per render, the
// server's own time per request (Fastify's elapsed), CPU per request and the garbage collector.
//   node --max-semi-space-size=32 --import tsx bench/render-profile.ts
//   RENDERS (default 3000), RENDER_PATH (default: the newest article), SQL=1 (list the queries),
//   CPU_PROFILE=file.cpuprofile (a V8 profile of the measured requests), HEAP_PROFILE=file.heapprofile
//   (where they allocate; sampled every KB, collected objects included)
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.ts';
import { seedDemo } from '../src/content/demo/index.ts';
import { fixedClock, loadConfig, migrateToLatest, openDatabase } from '../src/platform/index.ts';

const renders = Number(process.env.RENDERS ?? 3000);

// Count statements run, whatever caches them: patch the Statement class's methods.
const queries = new Map<string, number>();
let counting = false;
const probe = new SQLite(':memory:').prepare('select 1');
const statementProto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => unknown>;
for (const method of ['all', 'get', 'run', 'iterate']) {
  const original = statementProto[method]!;
  statementProto[method] = function (this: { source: string }) {
    if (counting) queries.set(this.source, (queries.get(this.source) ?? 0) + 1);
    // biome-ignore lint/complexity/noArguments: forwards without allocating a rest array per call
    return original.apply(this, arguments as unknown as unknown[]);
  };
}

const now = new Date('2026-11-25T15:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'dateline-render-'));
const config = loadConfig({
  env: {
    ...process.env,
    PAGE_CACHE: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite:${join(dir, 'r.db')}`,
  },
});
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);
const app = await buildApp({ config, database, clock: fixedClock(now) });
const elapsed: number[] = [];
let measuring = false;
app.addHook('onResponse', async (_request, reply) => {
  if (measuring) elapsed.push(reply.elapsedTime);
});
await seedDemo(app.services.content, { now });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const { content } = app.services;
const site = content.siteForHost('localhost')!;
const article = (await content.articles.listVisible({ siteId: site.id, now, pageSize: 1 })).items[0]!;
const path =
  process.env.RENDER_PATH ?? `/${content.sectionById(article.sectionId)!.path}/${article.slug}/${article.id}`;

function client(count: number): Promise<{ p50: number; p99: number }> {
  const script = new URL('./sequential-client.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(port), path, String(count), '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client ${code}`)),
    ),
  );
}

await client(3000); // JIT warm-up
counting = true;
await client(1);
counting = false;
const perRender = [...queries.values()].reduce((a, b) => a + b, 0);

const gcs: { kind: number; ms: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (measuring)
      gcs.push({ kind: (entry as unknown as { detail: { kind: number } }).detail.kind, ms: entry.duration });
});
observer.observe({ entryTypes: ['gc'] });
let session: Session | null = null;
if (process.env.CPU_PROFILE || process.env.HEAP_PROFILE) {
  session = new Session();
  session.connect();
  if (process.env.CPU_PROFILE)
    await new Promise((r) => session!.post('Profiler.enable', () => session!.post('Profiler.start', r)));
  else
    await new Promise((r) =>
      session!.post(
        'HeapProfiler.startSampling',
        {
          samplingInterval: 1024,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        },
        r,
      ),
    );
}
measuring = true;
const cpu0 = process.cpuUsage();
const seen = await client(renders);
const cpu = process.cpuUsage(cpu0);
measuring = false;
if (session && process.env.CPU_PROFILE) {
  const profile = await new Promise((r) => session!.post('Profiler.stop', (_e, res) => r(res.profile)));
  writeFileSync(process.env.CPU_PROFILE, JSON.stringify(profile));
}
if (session && process.env.HEAP_PROFILE) {
  const profile = await new Promise((r) =>
    session!.post('HeapProfiler.stopSampling', (_e, res) => r(res.profile)),
  );
  writeFileSync(process.env.HEAP_PROFILE, JSON.stringify(profile));
}
observer.disconnect();

elapsed.sort((a, b) => a - b);
const at = (p: number) => elapsed[Math.min(elapsed.length - 1, Math.floor((elapsed.length * p) / 100))]!;
const under = (ms: number) => ((elapsed.filter((t) => t < ms).length / elapsed.length) * 100).toFixed(1);
const scavenges = gcs.filter((g) => g.kind === 1);
const fmt = (n: number) => n.toFixed(3);
console.log(`${path}: ${perRender} queries per render`);
if (process.env.SQL) for (const [text, n] of queries) console.log(`  ${n} × ${text.slice(0, 160)}`);
console.log(
  `server elapsed, ${elapsed.length} requests: p50 ${fmt(at(50))} ms, p90 ${fmt(at(90))}, p99 ${fmt(at(99))}, max ${fmt(at(100))}; ${under(1)}% under 1 ms, ${under(2)}% under 2 ms`,
);
console.log(
  `client: p50 ${fmt(seen.p50)} ms, p99 ${fmt(seen.p99)} ms; server CPU per request ${fmt((cpu.user + cpu.system) / 1000 / renders)} ms`,
);
console.log(
  `gc: ${scavenges.length} scavenges (one per ${Math.round(renders / Math.max(1, scavenges.length))} requests, mean ${fmt(scavenges.reduce((a, g) => a + g.ms, 0) / Math.max(1, scavenges.length))} ms), ${gcs.length - scavenges.length} other, ${fmt(gcs.reduce((a, g) => a + g.ms, 0))} ms in all`,
);
await app.close();
