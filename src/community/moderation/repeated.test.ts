import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repeatedPhase } from './repeated.ts';
import { input, NOW } from './test-input.ts';

const body = 'Buy cheap watches now';

test('the same words on the same article are refused as a duplicate', async () => {
  const result = await repeatedPhase.check(
    input({ body, recent: { byReader: [{ articleId: 10, body, at: NOW }] } }),
  );
  assert.equal(result.kind === 'refuse' && (result.error as { code?: string }).code, 'COMMENT_DUPLICATE');
});

test('the same words on another article are held', async () => {
  const result = await repeatedPhase.check(
    input({ body, recent: { byReader: [{ articleId: 11, body, at: NOW }] } }),
  );
  assert.deepEqual(result, { kind: 'hold', reason: 'repeated' });
});

test('different words pass, and an edit is never a repeat', async () => {
  assert.equal(
    (await repeatedPhase.check(input({ recent: { byReader: [{ articleId: 10, body, at: NOW }] } }))).kind,
    'pass',
  );
  assert.equal(
    (
      await repeatedPhase.check(
        input({ body, editing: true, recent: { byReader: [{ articleId: 10, body, at: NOW }] } }),
      )
    ).kind,
    'pass',
  );
});
