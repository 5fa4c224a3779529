import { readFile } from 'node:fs/promises';
import { createContentService } from '../content/index.ts';
import {
  createLiveService,
  LiveError,
  LiveInvalidError,
  parseXmltv,
  programmesOfChannel,
} from '../live/index.ts';
import { EventBus, systemClock } from '../platform/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

/**
 * `dateline schedule import FILE.xml --site SLUG [--channel ID]`: an XMLTV guide into a site's
 * schedule, in one transaction (a bad file stores nothing). Answers null for an unknown subcommand.
 */
export async function scheduleCommand(
  subcommand: string | undefined,
  file: string | undefined,
  values: CliValues,
  io: CliIo,
): Promise<number | null> {
  if (subcommand !== 'import') return null;
  if (!file || !values.site) {
    io.err(
      'dateline: `schedule import` needs a file and --site SLUG: dateline schedule import guide.xml --site herald',
    );
    return 2;
  }
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (error) {
    io.err(
      `dateline: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return 1;
  }
  const { database } = await openFromCli(values);
  try {
    const content = createContentService({ db: database.db, events: new EventBus(), clock: systemClock });
    await content.load();
    const site = content.sites.find((s) => s.slug === values.site);
    if (!site) {
      const slugs = content.sites.map((s) => s.slug).join(', ') || 'none yet';
      io.err(`dateline: there is no site "${values.site}" (sites: ${slugs}).`);
      return 1;
    }
    const live = createLiveService({
      db: database.db,
      events: new EventBus(),
      clock: systemClock,
      timeZoneOf: (id) => content.siteById(id)?.timeZone,
    });
    try {
      const programmes = programmesOfChannel(parseXmltv(xml), values.channel);
      const result = await live.importProgrammes(site.id, programmes);
      const span = result.from ? ` from ${result.from.toISOString()} to ${result.to!.toISOString()}` : '';
      io.out(
        `Imported ${result.imported} programme(s) into ${site.name}'s schedule${span}, replacing ${result.replaced}.`,
      );
      return 0;
    } catch (error) {
      if (error instanceof LiveError.XmltvMalformed) {
        io.err(
          `dateline: ${file} is not a usable XMLTV file: ${sentence(error.message)} Nothing was imported.`,
        );
        return 1;
      }
      if (error instanceof LiveInvalidError || error instanceof LiveError.NoChannel) {
        io.err(`dateline: ${file} was not imported: ${sentence(error.message)} Nothing was imported.`);
        return 1;
      }
      throw error;
    }
  } finally {
    await database.close();
  }
}

function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
