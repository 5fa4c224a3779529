import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Insertable } from 'kysely';
import { testDialects } from '../../testing/databases.ts';
import { preparedInsert, preparedInsertRows } from './prepared-query.ts';
import type { LeasesTable } from './schema.ts';

for (const dialect of testDialects) {
  test(`${dialect.name}: a prepared insert binds each row's own values, in its columns`, async (t) => {
    const handle = await dialect.open();
    if (!handle) return t.skip('PostgreSQL is not reachable');
    t.after(() => handle.close());
    const { db } = handle;
    let builds = 0;
    const insert = preparedInsert(db, (row: Insertable<LeasesTable>) => {
      builds++;
      return db.insertInto('leases').values(row).returning('name');
    });

    assert.deepEqual(await insert({ name: 'a', holder: 'h1', expires_at: '2026-01-01T00:00:00.000Z' }), [
      { name: 'a' },
    ]);
    // The same columns in another order, and values that equal another row's: still bound by column.
    assert.deepEqual(await insert({ holder: 'b', expires_at: '2026-01-02T00:00:00.000Z', name: 'h1' }), [
      { name: 'h1' },
    ]);
    assert.equal(builds, 1, 'one build for rows of the same columns');

    // Other columns than the first row's: built anew, never bound to the wrong columns.
    await assert.rejects(
      insert({ name: 'c', holder: 'h3' } as Insertable<LeasesTable>),
      /not[- ]null|NOT NULL/i,
      'a missing column is left out, as Kysely would, so the database refuses the row',
    );
    await insert({ name: 'd', holder: 'h4', expires_at: '2026-01-04T00:00:00.000Z' });

    const rows = await db.selectFrom('leases').selectAll().orderBy('name').execute();
    assert.deepEqual(
      rows.map((r) => [r.name, r.holder, new Date(r.expires_at).toISOString()]),
      [
        ['a', 'h1', '2026-01-01T00:00:00.000Z'],
        ['d', 'h4', '2026-01-04T00:00:00.000Z'],
        ['h1', 'b', '2026-01-02T00:00:00.000Z'],
      ],
    );
  });

  test(`${dialect.name}: a prepared insert keeps the query's own constants`, async (t) => {
    const handle = await dialect.open();
    if (!handle) return t.skip('PostgreSQL is not reachable');
    t.after(() => handle.close());
    const { db } = handle;
    const insert = preparedInsert(db, (row: { name: string; expires_at: string }) =>
      db.insertInto('leases').values({ ...row, holder: 'the-wire' }),
    );
    await insert({ name: 'x', expires_at: '2026-01-01T00:00:00.000Z' });
    await insert({ name: 'y', expires_at: '2026-01-02T00:00:00.000Z' });
    const rows = await db.selectFrom('leases').select(['name', 'holder']).orderBy('name').execute();
    assert.deepEqual(rows, [
      { name: 'x', holder: 'the-wire' },
      { name: 'y', holder: 'the-wire' },
    ]);
  });

  test(`${dialect.name}: a prepared insert of several rows binds each row's values, per row count`, async (t) => {
    const handle = await dialect.open();
    if (!handle) return t.skip('PostgreSQL is not reachable');
    t.after(() => handle.close());
    const { db } = handle;
    let builds = 0;
    const insert = preparedInsertRows(db, (rows: Insertable<LeasesTable>[]) => {
      builds++;
      return db.insertInto('leases').values(rows);
    });
    const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;
    await insert([
      { name: 'a', holder: 'h1', expires_at: at(1) },
      { name: 'b', holder: 'h2', expires_at: at(2) },
    ]);
    // Same count, columns in another order: the compiled statement, bound by column.
    await insert([
      { holder: 'h3', name: 'c', expires_at: at(3) },
      { expires_at: at(4), name: 'd', holder: 'h4' },
    ]);
    await insert([{ name: 'e', holder: 'h5', expires_at: at(5) }]);
    assert.equal(builds, 2, 'one build per row count');
    await assert.rejects(
      insert([
        { name: 'f', holder: 'h6' } as Insertable<LeasesTable>,
        { name: 'g', holder: 'h7', expires_at: at(7) },
      ]),
      /not[- ]null|NOT NULL|VALUES/i,
      'rows of other columns are built as Kysely would, never bound to the wrong columns',
    );
    const rows = await db.selectFrom('leases').selectAll().orderBy('name').execute();
    assert.deepEqual(
      rows.map((r) => [r.name, r.holder, new Date(r.expires_at).toISOString()]),
      [
        ['a', 'h1', at(1)],
        ['b', 'h2', at(2)],
        ['c', 'h3', at(3)],
        ['d', 'h4', at(4)],
        ['e', 'h5', at(5)],
      ],
    );
  });
}
