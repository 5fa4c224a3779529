import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { databaseErrorKind } from './dialect.ts';

test('an unreachable PostgreSQL is told apart from a bug', async () => {
  const client = new pg.Client({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
  const error = await client.connect().then(
    () => null,
    (e: unknown) => e,
  );
  assert.equal(databaseErrorKind(error), 'unreachable');
  assert.equal(databaseErrorKind(Object.assign(new Error('x'), { code: '57P01' })), 'unreachable');
  assert.equal(databaseErrorKind(new Error('Connection terminated unexpectedly')), 'unreachable');
  assert.equal(databaseErrorKind(Object.assign(new Error('dup'), { code: '23505' })), null);
  assert.equal(databaseErrorKind(new TypeError('undefined is not a function')), null);
});

test('a locked SQLite database is busy, not down', () => {
  const dir = path.join(tmpdir(), `dateline-busy-${process.pid}.db`);
  const a = new SQLite(dir);
  const b = new SQLite(dir, { timeout: 10 });
  try {
    a.exec('create table if not exists t (x)');
    a.exec('begin immediate');
    let error: unknown = null;
    try {
      b.exec('begin immediate');
    } catch (e) {
      error = e;
    }
    assert.equal(databaseErrorKind(error), 'busy');
    a.exec('rollback');
  } finally {
    a.close();
    b.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(dir + suffix, { force: true });
  }
});
