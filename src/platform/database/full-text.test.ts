import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { bodySearchText, sqliteFullText, textWithoutMarkers } from './full-text.ts';

const bodies: unknown[] = [
  [
    { type: 'paragraph', text: 'Harbour \u0002talks\u0003 resume.' },
    { type: 'subhead', text: 'Later' },
    { type: 'quote', text: 'We will build.', cite: 'The mayor' },
    { type: 'image', src: '/media/a.jpg', alt: 'Cranes', caption: 'Cranes at dawn', credit: 'AP' },
    { type: 'list', ordered: false, items: ['one', 'two', 'three'] },
    { type: 'embed', url: 'https://example.org/v', title: 'The video' },
  ],
  [],
  [{ type: 'paragraph', text: '' }],
  { not: 'a list' },
  'just text',
  [
    { type: 'list', ordered: true, items: [] },
    { type: 'image', src: '/b.jpg', alt: '' },
  ],
];

test('the body text computed in JavaScript is what SQLite computes from the stored JSON', async () => {
  const db = new Kysely<Record<string, never>>({
    dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
  });
  try {
    for (const body of bodies) {
      const json = JSON.stringify(body);
      const { rows } = await sql<{
        text: string;
      }>`select ${sqliteFullText.bodyText(sql`${json}`)} as text`.execute(db);
      assert.equal(bodySearchText(body), rows[0]!.text, json);
    }
    assert.equal(bodySearchText(bodies[0]).includes('\u0002'), false);
    assert.equal(textWithoutMarkers('a\u0002b\u0003c'), 'abc');
  } finally {
    await db.destroy();
  }
});
