import type { ColumnDataType, CreateTableBuilder } from 'kysely';
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
}

export const sqliteCapabilities: DialectCapabilities = Object.freeze({
  name: 'sqlite',
  supportsReturning: true,
  types: { timestamp: 'text', json: 'text' },
  addIdColumn: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
  fullText: sqliteFullText,
} satisfies DialectCapabilities);

export const postgresCapabilities: DialectCapabilities = Object.freeze({
  name: 'postgres',
  supportsReturning: true,
  types: { timestamp: 'timestamptz', json: 'jsonb' },
  addIdColumn: (table) => table.addColumn('id', 'serial', (c) => c.primaryKey()),
  fullText: postgresFullText,
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
