import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixturesFolder } from '../../../testing/fixtures.ts';
import { parseWireFile } from '../index.ts';

const feeds = fixturesFolder('feeds-real-publishers');

describe('RSS and Atom entries', { skip: !feeds }, () => {
  const read = (file: string) => parseWireFile(readFileSync(join(feeds!, file)));

  test('RSS 2.0 (The Guardian): guid, content, categories as keywords, the channel as agency', () => {
    const { format, items } = read('rss-parser/guardian.rss');
    assert.equal(format, 'rss');
    const item = items[0]!;
    assert.match(item.guid, /^https?:\/\//);
    assert.equal(item.agency?.includes('Guardian'), true);
    assert.ok(item.keywords.length > 0);
    assert.ok(item.version > 1_000_000_000, 'the update time orders versions');
  });

  test('Atom (FeedBurner): entries with html content', () => {
    const { format, items } = read('rss-parser/feedburner.atom');
    assert.equal(format, 'atom');
    assert.equal(items.length, 25);
    assert.ok(items[0]!.body.length > 0);
  });

  test('an entry with a title and nothing else is refused, naming it', () => {
    const xml =
      '<rss version="2.0"><channel><title>T</title><item><title>Only a title</title><link>https://x.example/1</link></item></channel></rss>';
    const result = parseWireFile(Buffer.from(xml));
    assert.equal(result.items.length, 0);
    assert.equal(
      result.refusals[0]?.reason,
      'RSS item 1 ("Only a title") has no text: only a title or a link.',
    );
  });
});
