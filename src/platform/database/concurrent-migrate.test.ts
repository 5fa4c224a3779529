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

test('a migration survives other installs dropping their schemas while it reads the catalog', async (t) => {
  const probe = await postgresDialect.open();
  if (!probe) return t.skip('PostgreSQL is not reachable');
  await probe.close();
  // Tests drop their schemas in parallel; Kysely's migrator reads every schema's catalog.
  const churn = new pg.Client({ connectionString: POSTGRES_URL });
  await churn.connect();
  let churning = true;
  const churned = (async () => {
    while (churning) {
      const other = `t_${randomBytes(6).toString('hex')}`;
      await churn.query(`create schema ${other}; create table ${other}.a (id int, b text, c text)`);
      await churn.query(`drop schema ${other} cascade`);
      // A pause, so that other tests migrating meanwhile see bursts of drops, not an unbroken stream.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handle = await openDatabase(`${POSTGRES_URL}?schema=${schema}`);
  try {
    for (let i = 0; i < 3; i++) await migrateToLatest(handle);
    const { rows } = await churn.query(`select count(*)::int as n from ${schema}.articles`);
    assert.equal(rows[0].n, 0);
  } finally {
    churning = false;
    await churned;
    await handle.close();
    await churn.query(`drop schema if exists ${schema} cascade`);
    await churn.end();
  }
});
