import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from './parse.ts';

test('parse gives the items of a file and its refusals, never throwing', () => {
  const ok = parse({
    name: 'a.json',
    bytes: Buffer.from(JSON.stringify({ uri: 'urn:x', type: 'text', headline: 'H', body_text: 'One.' })),
  });
  assert.equal(ok.items[0]?.headline, 'H');
  const bad = parse({ name: 'b.xml', bytes: Buffer.from('<newsItem') });
  assert.equal(bad.refusals[0]?.code, 'malformed_xml');
});
