import { existsSync } from 'node:fs';
import { createContentService } from '../content/index.ts';
import { EventBus, publicOrigin, systemClock } from '../platform/index.ts';
import { urls } from '../site/index.ts';
import { createWireService, type IngestOutcome } from '../wire/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

/**
 * `dateline ingest FILE|DIR|URL [--site SLUG]`: ingests once into the site's manual source and
 * prints, per item, the article's URL or why it was refused. Exit code 1 when anything was refused.
 */
export async function ingestCommand(
  target: string | undefined,
  values: CliValues,
  io: CliIo,
): Promise<number> {
  if (!target) {
    io.err('dateline: `ingest` needs a FILE, a folder or an http(s) URL.');
    return 2;
  }
  if (!/^https?:\/\//i.test(target) && !existsSync(target)) {
    io.err(`dateline: ${target} does not exist.`);
    return 1;
  }
  const { config, database } = await openFromCli(values);
  try {
    const content = createContentService({ db: database.db, events: new EventBus(), clock: systemClock });
    await content.load();
    const site =
      values.site === undefined
        ? (content.sites.find((s) => s.isDefault) ?? content.sites[0])
        : content.sites.find((s) => s.slug === values.site);
    if (!site) {
      const slugs = content.sites.map((s) => s.slug).join(', ') || 'none yet';
      io.err(
        values.site === undefined
          ? 'dateline: there is no site yet; run `dateline seed --demo` or create one first.'
          : `dateline: there is no site "${values.site}" (sites: ${slugs}).`,
      );
      return 1;
    }
    const wire = createWireService({ db: database.db, content, clock: systemClock });
    const source = await wire.sources.manualFor(site.id, systemClock.now());
    let outcomes: IngestOutcome[];
    try {
      outcomes = await wire.ingestTarget(source, target);
    } catch (error) {
      io.err(`dateline: cannot ingest ${target}: ${(error as Error).message}`);
      return 1;
    }
    const origin = publicOrigin(config, site.hosts[0] ?? 'localhost');
    const urlOf = async (articleId: number) => {
      const article = await content.articles.findById(articleId);
      const section = article ? content.sectionById(article.sectionId) : undefined;
      return article && section ? `${origin}${urls.article(article, section)}` : `article ${articleId}`;
    };
    for (const o of outcomes) {
      const what = `${o.file}${o.guid ? ` ${o.guid} v${o.version}` : ''}`;
      if (o.status === 'refused') io.out(`refused    ${what}: ${o.reason}`);
      else if (o.articleId !== null) io.out(`${o.status.padEnd(10)} ${await urlOf(o.articleId)}  (${what})`);
      else io.out(`${o.status.padEnd(10)} ${what}${o.reason ? `: ${o.reason}` : ''}`);
    }
    const refused = outcomes.filter((o) => o.status === 'refused').length;
    io.out(`${outcomes.length} item${outcomes.length === 1 ? '' : 's'}, ${refused} refused.`);
    return refused > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}
