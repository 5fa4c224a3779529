// Child process for the benchmark: a plain node:http server sending the same bytes and headers
// as Dateline sent for each measured path. Reads {path: {headers, body(base64)}} from stdin.
import http from 'node:http';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const pages = new Map(
  Object.entries(JSON.parse(input) as Record<string, { headers: Record<string, string>; body: string }>).map(
    ([path, page]) => [path, { headers: page.headers, body: Buffer.from(page.body, 'base64') }],
  ),
);
const server = http.createServer((req, res) => {
  const page = pages.get(req.url ?? '');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, page.headers);
  res.end(page.body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
