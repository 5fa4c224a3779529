import { seedDemoCommunity } from '../community/index.ts';
import { seedDemo } from '../content/demo/index.ts';
import { createContentService } from '../content/index.ts';
import { seedDemoLive } from '../live/index.ts';
import { EventBus, systemClock } from '../platform/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

export async function seedCommand(values: CliValues, io: CliIo): Promise<number> {
  if (!values.demo) {
    io.err('dateline: `seed` needs --demo (the only seed there is).');
    return 2;
  }
  const { database } = await openFromCli(values);
  try {
    const content = createContentService({ db: database.db, events: new EventBus(), clock: systemClock });
    await content.load();
    if ((await content.taxonomy.countSites()) > 0) {
      io.err('dateline: the database already has sites; the demo seeds only an empty database.');
      return 1;
    }
    const result = await seedDemo(content, { now: systemClock.now(), onProgress: progress(io) });
    await seedDemoLive(database.db, content, { now: systemClock.now() });
    await seedDemoCommunity(database.db, content, { now: systemClock.now() });
    io.out(`Seeded ${result.sites} sites and ${result.articles} articles.`);
    return 0;
  } finally {
    await database.close();
  }
}

/** Prints "Seeding articles: 50/270" every 50 articles, so long work shows progress. */
export function progress(io: CliIo) {
  return (done: number, total: number) => {
    if (done % 50 === 0 || done === total) io.out(`Seeding articles: ${done}/${total}`);
  };
}
