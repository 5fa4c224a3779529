// Child process for the benchmark: sequential GETs on one keep-alive connection, timed one by one.
// A fresh process, so the load generator's own garbage collection does not land in the figures.
// argv: port path count warmup; prints {p50, p99} in ms.
import http from 'node:http';

const [port, path, count, warmup] = [
  Number(process.argv[2]),
  process.argv[3]!,
  Number(process.argv[4]),
  Number(process.argv[5]),
];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const once = () =>
  new Promise<void>((resolve, reject) => {
    http
      .get({ port, path, host: '127.0.0.1', agent, headers: { host: 'localhost' } }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      })
      .on('error', reject);
  });
for (let i = 0; i < warmup; i++) await once();
const times: number[] = [];
for (let i = 0; i < count; i++) {
  const t0 = process.hrtime.bigint();
  await once();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
agent.destroy();
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor((times.length * p) / 100))]!;
process.stdout.write(`${JSON.stringify({ p50: at(50), p99: at(99) })}\n`);
