/** The urgency 0021 reads back from stored originals: real agency files, and what it leaves alone. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesFolder } from '../../../testing/fixtures.ts';
import { urgencyInOriginal } from './0021-wire-desk-rules.ts';

const nitf = fixturesFolder('nitf');
const agencies = fixturesFolder('newsml-g2-agencies');
const ninjs = fixturesFolder('ninjs-iptc');

test('the urgency of one-item NITF, NewsML-G2 and ninjs originals', {
  skip: !nitf || !agencies || !ninjs,
}, () => {
  const read = (folder: string, name: string) => readFileSync(join(folder, name), 'utf8');
  assert.equal(urgencyInOriginal('nitf', read(nitf!, 'samples/pa4.xml')), 4);
  assert.equal(urgencyInOriginal('newsml-g2', read(agencies!, 'reuters/KBN0FL0NN_v5_update.xml')), 4);
  assert.equal(urgencyInOriginal('newsml-g2', read(agencies!, 'reuters/L4N0BT5PJ_text.xml')), 3);
  assert.equal(urgencyInOriginal('ninjs', read(ninjs!, 'test-suite/2.0/should_pass/010_geojson.json')), 5);
});

test('none when the original is ambiguous, out of range, broken or of a format without urgency', () => {
  const two =
    '<newsMessage><newsItem><urgency>2</urgency></newsItem><newsItem><urgency>5</urgency></newsItem></newsMessage>';
  assert.equal(urgencyInOriginal('newsml-g2', two), null, 'several items: which one?');
  assert.equal(urgencyInOriginal('newsml-g2', '<newsItem><urgency>0</urgency></newsItem>'), null);
  assert.equal(urgencyInOriginal('nitf', '<docdata><urgency ed-urg="11"/></docdata>'), null);
  assert.equal(urgencyInOriginal('ninjs', '{"urgency": 3'), null);
  assert.equal(urgencyInOriginal('ninjs', '[{"urgency": 3}]'), null);
  assert.equal(urgencyInOriginal('rss', '<urgency>3</urgency>'), null);
});
