import type { ColumnDataType, CreateTableBuilder, SelectQueryBuilder } from 'kysely';
import { type FullTextAdapter, postgresFullText, sqliteFullText } from './full-text.ts';

/**
 * Everything that differs between SQLite and PostgreSQL, in one place. Repositories and
 * migrations branch on these flags, never on the dialect's name.
 */
export interface DialectCapabilities {
  readonly name: 'sqlite' | 'postgres';
  readonly supportsReturning: boolean;
  /** Column types for the portable kinds the schema uses. */
  readonly types: { readonly timestamp: ColumnDataType; readonly json: ColumnDataType };
  /** Adds the auto-incrementing integer primary key `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Full-text search: SQLite FTS5 or PostgreSQL tsvector (see full-text.ts). */
  readonly fullText: FullTextAdapter;
  /**
   * Locks the rows a claim selects so that concurrent claimers skip them instead of racing for
   * the same one (PostgreSQL `FOR UPDATE SKIP LOCKED`); SQLite has one writer, so nothing to add.
   */
  lockForClaim<DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O>;
}

export const sqliteCapabilities: DialectCapabilities = Object.freeze({
  name: 'sqlite',
  supportsReturning: true,
  types: { timestamp: 'text', json: 'text' },
  addIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
  fullText: sqliteFullText,
  lockForClaim: (query) => query,
} satisfies DialectCapabilities);

export const postgresCapabilities: DialectCapabilities = Object.freeze({
  name: 'postgres',
  supportsReturning: true,
  types: { timestamp: 'timestamptz', json: 'jsonb' },
  addIdColumn: (table) => table.addColumn('id', 'serial', (c) => c.primaryKey()),
  fullText: postgresFullText,
  lockForClaim: (query) => query.forUpdate().skipLocked(),
} satisfies DialectCapabilities);

/** Reads a JSON column the way either dialect returns it. */
export function readJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  if (typeof value === 'string') return JSON.parse(value) as T;
  return value as T;
}

/** Reads a timestamp column the way either dialect returns it. */
export function readTime(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value);
}

export function writeTime(value: Date): string {
  return value.toISOString();
}

/**
 * What a database error means for the caller, for either dialect:
 * - `unreachable`: the server is gone or refuses connections (PostgreSQL stopped, restarting,
 *   network down; SQLite's file unreadable). Readiness fails until a ping succeeds again.
 * - `busy`: a momentary lock (SQLite's SQLITE_BUSY past busy_timeout, a PostgreSQL deadlock or
 *   serialization failure); the same request a moment later will likely work.
 * - null: anything else (a bug, a constraint): not the database's availability.
 */
export function databaseErrorKind(error: unknown): 'unreachable' | 'busy' | null {
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const kind = databaseErrorKind(inner);
      if (kind) return kind;
    }
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string') {
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code.startsWith('SQLITE_LOCKED'))
      return 'busy';
    // 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available.
    if (code === '40001' || code === '40P01' || code === '55P03') return 'busy';
    if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR')) return 'unreachable';
    // Socket errors, and PostgreSQL's class 08 (connection exception) and 57P0x (shut down, starting up).
    if (
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'EPIPE',
        'ENOTFOUND',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'EAI_AGAIN',
      ].includes(code)
    ) {
      return 'unreachable';
    }
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-4]$/.test(code) || code === '53300') return 'unreachable';
  }
  // node-postgres reports a dropped socket and a pool connect timeout by message only.
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down)/i.test(
      text,
    )
  ) {
    return 'unreachable';
  }
  if (text === 'The database connection is not open') return 'unreachable';
  return null;
}
