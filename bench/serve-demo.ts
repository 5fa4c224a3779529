// Child process for the benchmark: the real app on a demo SQLite database, listening on a free port.
// Prints one JSON line with the port and the paths to measure.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { seedDemo } from '../src/content/demo/index.ts';
import { fixedClock, loadConfig, migrateToLatest, openDatabase } from '../src/platform/index.ts';

const now = new Date('2026-11-25T15:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
const config = loadConfig({
  env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${join(dir, 'bench.db')}` },
});
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);
const app = await buildApp({ config, database, clock: fixedClock(now) });
await seedDemo(app.services.content, { now });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const { content } = app.services;
const site = content.siteForHost('localhost')!;
const list = await content.articles.listVisible({ siteId: site.id, now, pageSize: 5 });
const article = list.items[0]!;
const tags = await content.articles.tagsOf(article.id);
process.stdout.write(
  `${JSON.stringify({
    port: typeof address === 'object' && address ? address.port : 0,
    paths: {
      article: `/${content.sectionById(article.sectionId)!.path}/${article.slug}/${article.id}`,
      home: '/',
      tag: `/tag/${tags[0]!.slug}`,
    },
  })}\n`,
);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
