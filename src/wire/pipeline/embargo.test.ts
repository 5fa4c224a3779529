import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embargo } from './embargo.ts';
import { testContext, testNow, wireItem } from './test-support.ts';
import type { Draft, IngestOutcome } from './types.ts';

test('an embargo ahead schedules; one passed (or none) publishes now; the edge is "now"', () => {
  const ahead = new Date(testNow.getTime() + 60_000);
  assert.equal(
    (embargo({ item: wireItem({ embargo: ahead }), action: 'create' }, testContext()) as Draft).publishAt,
    ahead,
  );
  assert.equal(
    (embargo({ item: wireItem({ embargo: testNow }), action: 'create' }, testContext()) as Draft).publishAt,
    null,
  );
  assert.equal((embargo({ item: wireItem(), action: 'create' }, testContext()) as Draft).publishAt, null);
});

test('an ended licence means no article; a kill ignores times', () => {
  const ended = embargo(
    { item: wireItem({ licenceEnd: testNow }), action: 'create' },
    testContext(),
  ) as IngestOutcome;
  assert.equal(ended.status, 'expired');
  const kill = {
    item: wireItem({ embargo: new Date('2030-01-01'), licenceEnd: testNow }),
    action: 'kill' as const,
  };
  assert.equal((embargo(kill, testContext()) as Draft).action, 'kill');
});
