import { createApiKey, listApiKeys, revokeApiKey } from '../api/index.ts';
import { createContentService } from '../content/index.ts';
import { EventBus, systemClock } from '../platform/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

/** `dateline apikey create|list|revoke`: Content API keys. Answers null for an unknown subcommand. */
export async function apikeyCommand(
  subcommand: string | undefined,
  values: CliValues,
  io: CliIo,
): Promise<number | null> {
  if (subcommand === 'create' && !values.name) {
    io.err('dateline: `apikey create` needs --name N (who or what the key is for).');
    return 2;
  }
  if (subcommand === 'revoke' && !/^[1-9]\d{0,9}$/.test(values.id ?? '')) {
    io.err('dateline: `apikey revoke` needs --id N (the id `dateline apikey list` shows).');
    return 2;
  }
  if (subcommand !== 'create' && subcommand !== 'list' && subcommand !== 'revoke') return null;

  const { database } = await openFromCli(values);
  try {
    const content = createContentService({ db: database.db, events: new EventBus(), clock: systemClock });
    await content.load();
    const now = systemClock.now();
    switch (subcommand) {
      case 'create': {
        let siteId: number | null = null;
        if (values.site !== undefined) {
          const site = content.sites.find((s) => s.slug === values.site);
          if (!site) {
            const slugs = content.sites.map((s) => s.slug).join(', ') || 'none yet';
            io.err(`dateline: there is no site "${values.site}" (sites: ${slugs}).`);
            return 1;
          }
          siteId = site.id;
        }
        const created = await createApiKey(database.db, { name: values.name!, siteId, at: now });
        if (!created.ok) {
          io.err(`dateline: ${created.message}`);
          return 1;
        }
        const scope = siteId === null ? 'every site' : `the site "${values.site}"`;
        io.out(`Created API key ${created.key.id} "${created.key.name}" for ${scope}.`);
        io.out(`Key: ${created.secret}`);
        io.out('Store it now: it is not kept and cannot be shown again.');
        return 0;
      }
      case 'list': {
        const keys = await listApiKeys(database.db);
        if (keys.length === 0) {
          io.out('No API keys yet. Create one with `dateline apikey create --name N`.');
          return 0;
        }
        const rows = keys.map((k) => [
          String(k.id),
          `${k.prefix}…`,
          k.siteId === null ? '(all)' : (content.siteById(k.siteId)?.slug ?? String(k.siteId)),
          k.createdAt.toISOString().slice(0, 16).replace('T', ' '),
          k.revokedAt ? `revoked ${k.revokedAt.toISOString().slice(0, 10)}` : 'active',
          k.name,
        ]);
        for (const row of table([['ID', 'KEY', 'SITE', 'CREATED (UTC)', 'STATUS', 'NAME'], ...rows]))
          io.out(row);
        return 0;
      }
      case 'revoke': {
        const result = await revokeApiKey(database.db, Number(values.id), now);
        if (!result.ok) {
          io.err(`dateline: ${result.message}`);
          return 1;
        }
        io.out(`Revoked API key ${result.key.id} (${result.key.prefix}…) "${result.key.name}".`);
        return 0;
      }
    }
  } finally {
    await database.close();
  }
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}
