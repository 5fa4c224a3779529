import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';
import { POSTGRES_URL, postgresDialect } from '../../testing/databases.ts';
import { migrateToLatest, openDatabase } from './database.ts';

test('nodes starting together on a fresh PostgreSQL schema migrate it once, without errors', async (t) => {
  const probe = await postgresDialect.open();
  if (!probe) return t.skip('PostgreSQL is not reachable');
  await probe.close();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handles = await Promise.all(
    Array.from({ length: 4 }, () => openDatabase(`${POSTGRES_URL}?schema=${schema}`)),
  );
  try {
    const applied = await Promise.all(handles.map((handle) => migrateToLatest(handle)));
    // Exactly one node applied the migrations; the others found the schema up to date.
    const counts = applied.map((names) => names.length).sort((a, b) => a - b);
    assert.deepEqual(counts.slice(0, 3), [0, 0, 0]);
    assert.ok(counts[3]! > 10, `one node applies every migration (applied ${counts[3]})`);
  } finally {
    await Promise.all(handles.map((handle) => handle.close()));
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
});
