// npm run bench: Dateline's article, home and tag pages next to a plain node:http server sending
// the same bytes, measured in one run on this machine; then an uncached article render.
//   BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 10), BENCH_RENDERS (default 2000)
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const renders = Number(process.env.BENCH_RENDERS ?? 2000);
const children: ChildProcess[] = [];

function start(
  script: string,
  env: Record<string, string> = {},
  stdin?: string,
  args: string[] = [],
): Promise<Record<string, unknown>> {
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=32', '--import', 'tsx', new URL(script, import.meta.url).pathname, ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  if (stdin !== undefined) child.stdin!.end(stdin);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
  });
}

function fetchRaw(port: number, path: string): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ port, path, host: '127.0.0.1', headers: { host: 'localhost' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (typeof v === 'string' && !['date', 'connection', 'keep-alive', 'content-length'].includes(k))
              headers[k] = v;
          }
          resolve({ headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

async function load(port: number, path: string) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { host: 'localhost' },
    connections,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bytes: 0 };
}

/** Sequential requests on one keep-alive connection, from a fresh client process. */
function sequential(
  port: number,
  path: string,
  count: number,
  warmup: number,
): Promise<{ p50: number; p99: number }> {
  return start('./sequential-client.ts', {}, undefined, [
    String(port),
    path,
    String(count),
    String(warmup),
  ]) as Promise<{
    p50: number;
    p99: number;
  }>;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

try {
  console.log(
    `Dateline benchmark: ${seconds}s per run, ${connections} connections, same machine (2 cores shared).`,
  );
  const dateline = (await start('./serve-demo.ts')) as { port: number; paths: Record<string, string> };
  const pages: Record<string, { headers: Record<string, string>; body: string }> = {};
  for (const path of Object.values(dateline.paths)) {
    const { headers, body } = await fetchRaw(dateline.port, path);
    pages[path] = { headers, body: body.toString('base64') };
  }
  const plain = (await start('./plain-server.ts', {}, JSON.stringify(pages))) as { port: number };

  console.log('\npage      bytes   dateline req/s  p50 ms  p99 ms | plain req/s  p50 ms  p99 ms | ratio');
  for (const [name, path] of Object.entries(dateline.paths)) {
    await load(dateline.port, path); // warm up (fills the page cache, JIT)
    const ours = await load(dateline.port, path);
    const base = await load(plain.port, path);
    const bytes = Buffer.from(pages[path]!.body, 'base64').length;
    console.log(
      `${name.padEnd(8)} ${String(bytes).padStart(6)}   ${fmt(ours.rps, 0).padStart(13)}  ${fmt(ours.p50, 1).padStart(6)}  ${fmt(ours.p99, 1).padStart(6)} | ${fmt(base.rps, 0).padStart(11)}  ${fmt(base.p50, 1).padStart(6)}  ${fmt(base.p99, 1).padStart(6)} | ${fmt((ours.rps / base.rps) * 100, 0)}%`,
    );
  }

  const uncached = (await start('./serve-demo.ts', { PAGE_CACHE: 'false' })) as {
    port: number;
    paths: Record<string, string>;
  };
  const times = await sequential(uncached.port, uncached.paths.article!, renders, 3000);
  const plainTimes = await sequential(plain.port, dateline.paths.article!, renders, 3000);
  console.log(
    `\nuncached article render, 1 connection, ${renders} requests: p50 ${fmt(times.p50, 3)} ms, p99 ${fmt(times.p99, 3)} ms` +
      ` (plain server: p50 ${fmt(plainTimes.p50, 3)} ms, p99 ${fmt(plainTimes.p99, 3)} ms)`,
  );
  // The server's own view of the same renders (Fastify's elapsed time, from /metrics).
  const metrics = (await fetchRaw(uncached.port, '/metrics')).body.toString();
  const bucket = (le: string) =>
    Number(new RegExp(`duration_seconds_bucket\\{le="${le}",route="/\\*"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
  const all = bucket('\\+Inf');
  console.log(
    `server-side render time (Fastify elapsed): ${fmt((bucket('0.001') / all) * 100, 1)}% under 1 ms, ${fmt((bucket('0.0025') / all) * 100, 1)}% under 2.5 ms`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
}
