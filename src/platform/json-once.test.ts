import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonOnce, jsonReusing } from './json-once.ts';

test('JSON reused for a member is exactly what JSON.stringify gives', () => {
  const body = [{ type: 'paragraph', text: 'A "quoted" line\nand $& more' }];
  const article = { id: 1, headline: 'H', body, at: new Date(0), tags: [1, 2], none: null };
  assert.equal(jsonReusing(article, 'body'), JSON.stringify(article));
  assert.equal(jsonReusing({ ...article, body: null }, 'body'), JSON.stringify({ ...article, body: null }));
  assert.equal(jsonOnce(body), JSON.stringify(body));
  // The member is serialised once: a later change to it is not seen (bodies are readonly).
  (body as { text: string }[]).push({ text: 'x' } as never);
  assert.equal(jsonOnce(body).includes('"x"'), false);
});
