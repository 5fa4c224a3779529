/**
 * Test support: the same suites run on SQLite and on PostgreSQL. PostgreSQL is the one on
 * 127.0.0.1 (trust auth, database `test`); each run gets its own schema, dropped afterwards.
 * Without CI=true a missing PostgreSQL skips its half with a one-line notice; under CI it fails.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../platform/index.ts';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Opens a fresh, migrated, empty database; `close` also drops it. Null: skip (with a notice given). */
  open(): Promise<(DatabaseHandle & { url: string }) | null>;
}

let postgresChecked: Promise<boolean> | undefined;

async function postgresAvailable(): Promise<boolean> {
  postgresChecked ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 20_000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      if (process.env.CI === 'true') {
        throw new Error(
          `PostgreSQL is required under CI but ${POSTGRES_URL} answered: ${(error as Error).message}`,
        );
      }
      console.log(`# notice: PostgreSQL at ${POSTGRES_URL} is not reachable; skipping its half of the suite`);
      return false;
    }
  })();
  return postgresChecked;
}

export const sqliteDialect: TestDialect = {
  name: 'sqlite',
  async open() {
    const url = 'sqlite::memory:';
    const handle = await openDatabase(url);
    await migrateToLatest(handle);
    return { ...handle, url };
  },
};

export const postgresDialect: TestDialect = {
  name: 'postgres',
  async open() {
    if (!(await postgresAvailable())) return null;
    const schema = `t_${randomBytes(6).toString('hex')}`;
    // A loaded CI machine can take more than the default five seconds to hand out a connection.
    const url = `${POSTGRES_URL}?schema=${schema}&connect_timeout=30`;
    const handle = await openDatabase(url);
    await migrateToLatest(handle);
    return {
      ...handle,
      url,
      async close() {
        await handle.close();
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`drop schema if exists ${schema} cascade`);
        await client.end();
      },
    };
  },
};

export const testDialects: readonly TestDialect[] = [sqliteDialect, postgresDialect];
