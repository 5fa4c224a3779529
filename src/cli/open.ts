import {
  type Config,
  type DatabaseHandle,
  loadConfig,
  migrateToLatest,
  openDatabase,
} from '../platform/index.ts';
import type { CliValues } from './main.ts';

/** Loads config from flags and environment, opens the database and migrates it. */
export async function openFromCli(values: CliValues): Promise<{ config: Config; database: DatabaseHandle }> {
  const config = loadConfig({ flags: { database: values.database, port: values.port, host: values.host } });
  const database = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database };
}
