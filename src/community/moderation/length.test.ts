import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lengthPhase } from './length.ts';
import { input } from './test-input.ts';

const code = (r: Awaited<ReturnType<typeof lengthPhase.check>>) =>
  r.kind === 'refuse' ? (r.error as { code?: string }).code : r.kind;

test('empty is refused, 5,000 characters pass, 5,001 are refused', async () => {
  assert.equal(code(await lengthPhase.check(input({ body: '' }))), 'COMMENT_EMPTY');
  assert.equal(code(await lengthPhase.check(input({ body: 'x'.repeat(5000) }))), 'pass');
  assert.equal(code(await lengthPhase.check(input({ body: 'x'.repeat(5001) }))), 'COMMENT_TOO_LONG');
});

test('characters are counted as code points, not UTF-16 units', async () => {
  assert.equal(code(await lengthPhase.check(input({ body: '😀'.repeat(5000) }))), 'pass');
});

test('NUL and other control characters are refused; tabs and newlines are fine', async () => {
  assert.equal(code(await lengthPhase.check(input({ body: 'a\u0000b' }))), 'COMMENT_INVALID');
  assert.equal(code(await lengthPhase.check(input({ body: 'a\tb\nc' }))), 'pass');
});
