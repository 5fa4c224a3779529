import {
  type Config,
  type DatabaseHandle,
  DatabaseOpenError,
  databaseErrorKind,
  loadConfig,
  migrateToLatest,
  openDatabase,
} from '../platform/index.ts';
import type { CliValues } from './main.ts';

/** Loads config from flags and environment, opens the database and migrates it. */
export async function openFromCli(values: CliValues): Promise<{ config: Config; database: DatabaseHandle }> {
  const config = loadConfig({ flags: { database: values.database, port: values.port, host: values.host } });
  const setting = values.database ? '--database' : 'DATABASE_URL';
  const database = await openWithRetry(config.databaseUrl, setting);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database };
}

/**
 * A node started together with its database (a deploy, a reboot) may start first: an
 * unreachable server is tried again for a few seconds, then the start stops with one line that
 * names the setting. Anything else (bad password, unknown database) stops it at once.
 */
async function openWithRetry(url: string, setting: string, forMs = 5000): Promise<DatabaseHandle> {
  const until = Date.now() + forMs;
  for (;;) {
    try {
      return await openDatabase(url);
    } catch (error) {
      if (!(error instanceof DatabaseOpenError)) throw error;
      const retry = databaseErrorKind(error.cause) === 'unreachable' && Date.now() < until;
      if (!retry) {
        const tried =
          databaseErrorKind(error.cause) === 'unreachable' ? ` (tried for ${forMs / 1000} s)` : '';
        throw new DatabaseOpenError(`${setting}: ${error.message}${tried}`, { cause: error.cause });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
