import { migrateToLatest } from '../platform/index.ts';
import type { CliIo, CliValues } from './main.ts';
import { openFromCli } from './open.ts';

export async function migrateCommand(values: CliValues, io: CliIo): Promise<number> {
  const { database } = await openFromCli(values);
  try {
    const applied = await migrateToLatest(database);
    io.out(applied.length > 0 ? `Applied ${applied.join(', ')}.` : 'The database schema is up to date.');
    return 0;
  } finally {
    await database.close();
  }
}
