import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  Migrator,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import { type DialectCapabilities, postgresCapabilities, sqliteCapabilities } from './dialect.ts';
import { contentModel } from './migrations/0001-content.ts';
import { searchModel } from './migrations/0002-search.ts';
import { apiKeysModel } from './migrations/0003-api-keys.ts';
import { newsroomModel } from './migrations/0004-newsroom.ts';
import { jobsModel } from './migrations/0005-jobs.ts';
import { newsroomMediaModel } from './migrations/0006-newsroom-media.ts';
import { newsletterModel } from './migrations/0007-newsletter.ts';
import { communityModel } from './migrations/0008-community.ts';
import { wireModel } from './migrations/0009-wire.ts';
import { liveModel } from './migrations/0010-live.ts';
import { newsletterBouncesModel } from './migrations/0011-newsletter-bounces.ts';
import { cdnPurgesModel } from './migrations/0015-cdn-purges.ts';
import { jobLeasesModel } from './migrations/0016-job-leases.ts';
import { listingIndexesModel } from './migrations/0017-listing-indexes.ts';
import { wireDeskModel } from './migrations/0018-wire-desk.ts';
import { wireDeskRules } from './migrations/0021-wire-desk-rules.ts';
import { searchPrefixIndexModel } from './migrations/0022-search-prefix-index.ts';
import type { Database } from './schema.ts';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly caps: DialectCapabilities;
  /** The PostgreSQL schema this handle works in (from `?schema=`, else public); undefined on SQLite. */
  readonly schema?: string;
  /** Answers whether the database takes a query right now (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The database could not be opened; the message is one line an operator can act on. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** The one ordered list of migrations, shared by both dialects. */
function migrations(caps: DialectCapabilities): Record<string, Migration> {
  return {
    '0001-content': contentModel(caps),
    '0002-search': searchModel(caps),
    '0003-api-keys': apiKeysModel(caps),
    '0004-newsroom': newsroomModel(caps),
    '0005-jobs': jobsModel(caps),
    '0006-newsroom-media': newsroomMediaModel(caps),
    '0007-newsletter': newsletterModel(caps),
    '0008-community': communityModel(caps),
    '0009-wire': wireModel(caps),
    '0010-live': liveModel(caps),
    '0011-newsletter-bounces': newsletterBouncesModel(caps),
    '0015-cdn-purges': cdnPurgesModel(caps),
    '0016-job-leases': jobLeasesModel(caps),
    '0017-listing-indexes': listingIndexesModel(caps),
    '0018-wire-desk': wireDeskModel(caps),
    '0021-wire-desk-rules': wireDeskRules(caps),
    '0022-search-prefix-index': searchPrefixIndexModel(caps),
  };
}

/**
 * Opens `sqlite:PATH` (WAL mode) or `postgres://…` and checks that it answers.
 *
 * @example
 * const handle = await openDatabase('sqlite:data/dateline.db');
 */
export async function openDatabase(url: string): Promise<DatabaseHandle> {
  return url.startsWith('sqlite:') ? openSqlite(url.slice('sqlite:'.length)) : openPostgres(url);
}

function openSqlite(file: string): DatabaseHandle {
  let connection: SQLite.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    connection = new SQLite(file);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    // Statement journals (a row insert that fires triggers or checks a unique index inside a
    // transaction) went to a temporary file, a write() per page: in memory they cost the
    // wire's inserts half their time. The WAL, and so crash safety, is untouched.
    connection.pragma('temp_store = MEMORY');
  } catch (error) {
    throw new DatabaseOpenError(`cannot open SQLite database ${file}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(connection) }),
  });
  return {
    db,
    caps: sqliteCapabilities,
    ping: async () => connection.open,
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every query anew, and compiling a statement costs SQLite more than running
 * one of ours by primary key (0.1-0.3 ms against 0.02-0.1 ms for the article page's queries):
 * keep the compiled statements of the most recent distinct SQL texts and reuse them. SQLite
 * recompiles a kept statement by itself after a schema change. One that is still being
 * iterated (a stream in progress) is never handed out twice.
 */
function cachingStatements(connection: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(text) {
      const kept = statements.get(text);
      if (kept && !kept.busy) {
        // Re-insert: the Map's order is the least recently used first.
        statements.delete(text);
        statements.set(text, kept);
        return kept;
      }
      const statement = connection.prepare(text);
      if (!kept) {
        statements.set(text, statement);
        if (statements.size > max) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const parsed = new URL(url);
  // A `schema` parameter isolates one install (or one test run) inside a shared database.
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new DatabaseOpenError(`DATABASE_URL: schema "${schema}" must be a lower-case SQL identifier`);
  }
  // libpq's name, in seconds: how long to wait for a connection (or a free one in the pool).
  const timeout = parsed.searchParams.get('connect_timeout');
  parsed.searchParams.delete('connect_timeout');
  if (timeout !== null && !/^[1-9]\d{0,3}$/.test(timeout)) {
    throw new DatabaseOpenError(
      `DATABASE_URL: connect_timeout "${timeout}" must be a whole number of seconds`,
    );
  }
  // int8 (counts, bigserial) fits a JS number for every value Dateline stores.
  pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 10,
    connectionTimeoutMillis: timeout === null ? 5000 : Number(timeout) * 1000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  // A checked-out client whose server goes away between two queries (PostgreSQL stopped:
  // 57P01) emits 'error' with no listener, which would crash the process: the next query on it
  // fails and is reported, and the pool drops the broken client, so the error is dropped here.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  try {
    const client = await pool.connect();
    try {
      // Two nodes creating it at once: the loser's "if not exists" can still fail on the catalog's
      // unique index (23505) or as a duplicate (42P06); the schema is there either way.
      if (schema)
        await client.query(`create schema if not exists ${schema}`).catch((error: { code?: string }) => {
          if (error.code !== '23505' && error.code !== '42P06') throw error;
        });
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    const where = `${parsed.hostname || 'localhost'}:${parsed.port || 5432}${parsed.pathname}`;
    throw new DatabaseOpenError(`cannot connect to PostgreSQL at ${where}: ${describe(error)}`, {
      cause: error,
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    caps: postgresCapabilities,
    schema: schema ?? 'public',
    ping: async () => {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describe)[0] ?? 'connection failed';
  const { code, message } = error as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(' ') || 'connection failed';
}

/** Brings the schema up to date; safe to run on every start and from several nodes at once. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  if (handle.caps.name !== 'postgres') return runMigrations(handle);
  // Nodes starting together on a fresh database take turns: Kysely creates its own lock table
  // before it locks it, and its catalog reads fail (42P01) while another node is creating tables.
  const key = `dateline-migrate:${handle.schema ?? 'public'}`;
  return handle.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(connection);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await runMigrations(handle);
        } catch (error) {
          if (attempt >= 20 || !isOtherSchemaDropped(error, handle.schema)) throw error;
          // Another install's drops can come in bursts (a test suite's teardowns): wait a little longer each time.
          await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
        }
      }
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(connection);
    }
  });
}

/**
 * Kysely's migrator reads the catalog of every schema in the database (to find its own tables),
 * and calls a function on each schema's name: when another install drops its schema during that
 * read (tests do, in parallel), the read fails with 3F000 naming that schema. Nothing was
 * migrated yet, so trying again is safe.
 */
function isOtherSchemaDropped(error: unknown, schema: string | undefined): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '3F000' && typeof message === 'string' && !message.includes(`"${schema}"`);
}

async function runMigrations(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    // Without it Kysely looks for its migration tables in every schema and can find another install's.
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
    provider: { getMigrations: async () => migrations(handle.caps) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
