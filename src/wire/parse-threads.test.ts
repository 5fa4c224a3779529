import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturesFolder } from '../testing/fixtures.ts';
import { parseWireFile } from './formats/index.ts';
import { ParseThreads } from './parse-threads.ts';

const agencies = fixturesFolder('newsml-g2-agencies');
const files = agencies
  ? ['dpa/dpa.xml', 'reuters/L4N0BT5PJ_text.xml', 'stt/stt_newsml_test.xml'].map((path) =>
      readFileSync(join(agencies, path)),
    )
  : [];
const broken = Buffer.from('<newsItem><contentSet>unclosed');

test('the parse thread gives what parsing here gives, refusals and dates included, in order', {
  skip: !agencies,
}, async (t) => {
  const threads = new ParseThreads();
  t.after(() => threads.close());
  const input = [...files, broken];
  const there = await threads.parse(input);
  assert.equal(threads.running, true, 'the worker thread parsed them');
  assert.deepEqual(
    there,
    input.map((bytes) => parseWireFile(bytes)),
  );
  assert.ok(there[0]!.items[0]!.versionCreated instanceof Date);
  assert.equal(there[3]!.items.length, 0);
  assert.equal(there[3]!.refusals[0]!.code, 'malformed_xml');

  const many = Array.from({ length: 60 }, (_, i) => files[i % files.length]!);
  assert.deepEqual(
    await threads.parseSplit(many),
    many.map((bytes) => parseWireFile(bytes)),
  );
});

test('after the thread is stopped, files are still parsed (here)', { skip: !agencies }, async () => {
  const threads = new ParseThreads();
  await threads.parse(files);
  await threads.close();
  assert.equal(threads.running, false);
  assert.deepEqual(
    await threads.parse(files),
    files.map((bytes) => parseWireFile(bytes)),
  );
});
