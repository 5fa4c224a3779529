// npm run bench:soak: two `dateline serve` nodes on one PostgreSQL archive behind nginx (load
// balancer and shared cache), loaded by autocannon at 256 connections over a reader URL mix for
// ten minutes. Reports requests/s, latency, errors (should be 0), nginx's cache hits and each
// node's resident memory at start and end (should stay flat).
//   --duration S (default 600)   --connections N (default 256)   --articles N (archive, default 100000)
//   --keep (keep the database)   BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test)
// Run time: seeding (about a minute per 100,000 articles here) plus the duration.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createContentService } from '../src/content/index.ts';
import { EventBus, fixedClock, migrateToLatest, openDatabase } from '../src/platform/index.ts';
import { freePort } from '../src/testing/free-port.ts';
import { pickTargets } from './scale/measure.ts';
import { startNginx } from './scale/nginx.ts';
import { seedArchive } from './scale/seed-archive.ts';
import { postgresTarget } from './scale/targets.ts';
import { rng } from './scale/text.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '600' },
    connections: { type: 'string', default: '256' },
    articles: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const articles = Number(values.articles);
for (const [name, n] of [
  ['--duration', duration],
  ['--connections', connections],
  ['--articles', articles],
] as const) {
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`${name}: must be a positive whole number`);
    process.exit(2);
  }
}
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (line: string) => process.stderr.write(`${line}\n`);
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'dateline-soak-'));
// nginx's workers (an unprivileged user) must reach the cache inside it.
chmodSync(dir, 0o755);
const stopAll = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('exit', stopAll);

function startNode(port: number, databaseUrl: string, secret: string): Promise<ChildProcess> {
  const bin = new URL('../bin/dateline.js', import.meta.url).pathname;
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=32', bin, 'serve', '--port', String(port), '--database', databaseUrl],
    {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        SECRET_KEY: secret,
        DATELINE_DATA_DIR: join(dir, `node-${port}`),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`node on port ${port} exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('Dateline is serving')) resolve(child);
    });
  });
}

/** Requests a node has answered so far, by route, from its /metrics (background refreshes included). */
async function answeredByRoute(port: number): Promise<Map<string, number>> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  const counts = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^dateline_http_requests_total\{.*route="([^"]*)".*\} (\d+)/.exec(line);
    if (match) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return counts;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

const target = await postgresTarget(postgresUrl, 'soak');
if (!target) process.exit(1);
try {
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const handle = await openDatabase(target.url);
  let mix: { host: string; url: string; weight: number }[][];
  try {
    await migrateToLatest(handle);
    const content = createContentService({ db: handle.db, events: new EventBus(), clock: fixedClock(now) });
    const seeded = await seedArchive(handle, content, {
      count: articles,
      now,
      progress: (line) => process.stderr.write(`\r  seeding ${line}   `),
    });
    log(
      `\n  archive of ${articles.toLocaleString('en-US')} in ${((seeded.insertMs + seeded.indexMs) / 1000).toFixed(0)} s`,
    );
    await content.load();
    const t = await pickTargets(handle, content, seeded.taxonomy, now, 2000);
    // Readers mostly read today's news: the newest 2,000 articles, then the archive's long tail.
    const recent = await handle.db
      .selectFrom('articles')
      .select(['id', 'slug', 'section_id', 'site_id'])
      .where('status', '=', 'published')
      .where('published_at', '<=', now.toISOString())
      .orderBy('published_at', 'desc')
      .limit(2000)
      .execute();
    const hostOf = (siteId: number) => content.sites.find((s) => s.id === siteId)!.hosts[0] ?? 'localhost';
    const recentTargets = recent.map((r) => ({
      host: hostOf(r.site_id),
      url: `/${content.sectionById(r.section_id)!.path}/${r.slug}/${r.id}`,
    }));
    const share = (list: { host: string; url: string }[], weight: number) =>
      list.map((x) => ({ ...x, weight }));
    mix = [
      share(recentTargets, 45),
      share(t.article, 15),
      share(t['home front'], 10),
      share(t['section front'], 10),
      share(t['tag page 1'], 8),
      share(t['tag deep (keyset)'], 4),
      share(t.search, 8),
    ];
  } finally {
    await handle.close();
  }

  const secret = randomBytes(32).toString('hex');
  const ports = [await freePort(), await freePort()];
  const nodes = await Promise.all(ports.map((p) => startNode(p, target.url, secret)));
  const proxyPort = await freePort();
  const nginx = startNginx({ prefix: join(dir, 'nginx'), port: proxyPort, upstreams: ports });
  children.push(nginx);
  await new Promise((r) => setTimeout(r, 1000));

  const random = rng(99);
  const groups = mix.filter((g) => g.length > 0);
  const totalWeight = groups.reduce((n, g) => n + g[0]!.weight, 0);
  const pick = () => {
    let x = random.next() * totalWeight;
    for (const g of groups) {
      x -= g[0]!.weight;
      if (x <= 0) return random.pick(g);
    }
    return random.pick(groups[0]!);
  };
  const run = (seconds: number, conns: number) =>
    autocannon({
      url: `http://127.0.0.1:${proxyPort}`,
      connections: conns,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          setupRequest: (req) => {
            const next = pick();
            return { ...req, path: next.url, headers: { ...req.headers, host: next.host } };
          },
        },
      ],
    });
  // Every kind of URL must answer 200 through nginx before the load starts.
  for (const g of groups) {
    const { host, url } = g[0]!;
    const status = await new Promise<number>((resolve, reject) => {
      get({ host: '127.0.0.1', port: proxyPort, path: url, headers: { host } }, (res) => {
        res.resume().on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject);
    });
    if (status !== 200) throw new Error(`${host}${url} answered ${status} through nginx`);
  }
  log('  warm-up: 15 s at 32 connections');
  await run(15, 32);
  const rss = () => nodes.map((n) => rssMb(n.pid!));
  const answered = () => Promise.all(ports.map(answeredByRoute));
  const answeredBefore = await answered();
  const startRss = rss();
  const samples: number[][] = [startRss];
  const sampler = setInterval(() => samples.push(rss()), 30_000);
  const loadStart = loadavg();
  log(
    `  soak: ${duration} s at ${connections} connections (load average ${loadStart.map((l) => l.toFixed(2)).join(' ')})`,
  );
  const result = await run(duration, connections);
  clearInterval(sampler);
  const endRss = rss();
  const answeredAfter = await answered();
  samples.push(endRss);
  const loadEnd = loadavg();
  stopAll();
  await new Promise((r) => setTimeout(r, 6000)); // nginx flushes its log on exit
  const statuses = new Map<string, number>();
  // Every answer that was not 2xx, by status (nginx's and the node's) and URL.
  const failures = new Map<string, number>();
  // nginx's own time per request (seconds), by cache status, and the slowest requests: where
  // the client's tail comes from (the nodes, or waiting in nginx for a cache lock).
  const times = new Map<string, number[]>();
  const slowest: { ms: number; line: string }[] = [];
  for (const line of readFileSync(join(dir, 'nginx', 'cache.log'), 'utf8').split('\n')) {
    const [cache, status, upstream, url, requestTime] = line.split(' ');
    if (cache) statuses.set(cache, (statuses.get(cache) ?? 0) + 1);
    const ms = Number(requestTime) * 1000;
    if (cache && Number.isFinite(ms)) {
      const list = times.get(cache) ?? [];
      if (list.length === 0) times.set(cache, list);
      list.push(ms);
      if (ms >= 1000) slowest.push({ ms, line });
    }
    if (status && !status.startsWith('2')) {
      const key = `${status} (node ${upstream}) ${url}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }
  const logged = [...statuses.values()].reduce((a, b) => a + b, 0);
  const hits = (statuses.get('HIT') ?? 0) + (statuses.get('UPDATING') ?? 0) + (statuses.get('STALE') ?? 0);
  console.log(
    `\nSoak: ${duration} s, ${connections} connections, through nginx to 2 nodes, ${articles.toLocaleString('en-US')} articles on PostgreSQL`,
  );
  console.log(
    `  load average at start ${loadStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadEnd.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(
    `  requests ${result.requests.total.toLocaleString('en-US')}, ${result.requests.average.toFixed(0)}/s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stat]) => `${code}: ${(stat as { count: number }).count}`)
    .join(', ');
  console.log(
    `  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (status codes ${codes})`,
  );
  console.log(
    `  nginx cache: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')}; offload ${((hits / Math.max(1, logged)) * 100).toFixed(1)}% (HIT+UPDATING+STALE)`,
  );
  for (const [cache, list] of times) {
    list.sort((a, b) => a - b);
    const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!.toFixed(0);
    console.log(
      `  nginx time for ${cache}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, p99.9 ${at(0.999)} ms, max ${at(1)} ms (${list.length})`,
    );
  }
  if (slowest.length > 0) {
    console.log(
      `  ${slowest.length} requests took nginx 1 s or more; the slowest (cache status upstream-status URL s upstream-s):`,
    );
    for (const { line } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 15)) console.log(`    ${line}`);
  }
  // What reached the nodes during the soak (misses and background refreshes), by route.
  const origin = new Map<string, number>();
  answeredAfter.forEach((after, i) => {
    for (const [route, n] of after)
      origin.set(route, (origin.get(route) ?? 0) + n - (answeredBefore[i]!.get(route) ?? 0));
  });
  const originTotal = [...origin.values()].reduce((a, b) => a + b, 0);
  console.log(
    `  the nodes answered ${originTotal.toLocaleString('en-US')} requests (${(originTotal / duration).toFixed(0)}/s): ${[
      ...origin,
    ]
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([route, n]) => `${route} ${n}`)
      .join(', ')}`,
  );
  if (failures.size > 0) {
    console.log("  non-2xx answers in nginx's log (status, node status, URL: count):");
    for (const [key, n] of [...failures].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`    ${key}: ${n}`);
  }
  nodes.forEach((_, i) => {
    const series = samples.map((s) => s[i]!);
    console.log(
      `  node ${i + 1} RSS: start ${startRss[i]!.toFixed(0)} MB, end ${endRss[i]!.toFixed(0)} MB, min ${Math.min(...series).toFixed(0)}, max ${Math.max(...series).toFixed(0)} MB; every 30 s: ${series.map((m) => m.toFixed(0)).join(' ')}`,
    );
  });
  if (result.errors + result.timeouts + result.non2xx > 0) process.exitCode = 1;
} finally {
  stopAll();
  await target.cleanup(values.keep);
  rmSync(dir, { recursive: true, force: true });
}
