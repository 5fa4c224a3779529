import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datelinePlace, normalize } from './normalize.ts';
import { testContext, wireItem } from './test-support.ts';
import type { Draft } from './types.ts';

test('a holder-only item gets "© YEAR Agency. All rights reserved."; the source default wins over it', () => {
  const plain = normalize({ item: wireItem() }, testContext()) as Draft;
  assert.equal(plain.item.rightsLine, '© 2024 Test Wire. All rights reserved.');
  const withDefault = normalize(
    { item: wireItem() },
    testContext({ source: { defaultRightsLine: '© Test Wire' } }),
  ) as Draft;
  assert.equal(withDefault.item.rightsLine, '© Test Wire');
  const own = normalize({ item: wireItem({ rightsLine: 'Copyright dpa' }) }, testContext()) as Draft;
  assert.equal(own.item.rightsLine, 'Copyright dpa');
});

test('texts are clamped to the article limits and a missing agency becomes the source', () => {
  const draft = normalize(
    { item: wireItem({ headline: 'word '.repeat(100), summary: 'x'.repeat(2000), agency: null }) },
    testContext(),
  ) as Draft;
  assert.ok(draft.item.headline.length <= 300);
  assert.ok(draft.item.headline.endsWith('…'));
  assert.ok(draft.item.summary.length <= 1000);
  assert.equal(draft.item.agency, 'Test source');
});

test('the dateline keeps only its place; what is not a place is dropped', () => {
  assert.equal(datelinePlace('Waghäusel (dpa) -'), 'Waghäusel');
  assert.equal(datelinePlace('MADRID, 21 Nov. 2024 (Europa Press) -'), 'MADRID');
  assert.equal(datelinePlace('BANGALORE, March 20'), 'BANGALORE');
  assert.equal(datelinePlace('New York, NY'), 'New York, NY');
  assert.equal(datelinePlace('20170102T222800+0000'), null);
  assert.equal(datelinePlace('x'.repeat(101)), null);
  assert.equal(datelinePlace('  '), null);
});

test('a byline written as the first paragraph becomes the byline; the agency alone is none', () => {
  const body = [
    { type: 'paragraph' as const, text: 'By Toby Davis' },
    { type: 'paragraph' as const, text: 'BANGALORE (Reuters) - Shares rose.' },
  ];
  const lifted = normalize({ item: wireItem({ body }) }, testContext()) as Draft;
  assert.equal(lifted.item.byline, 'By Toby Davis');
  assert.deepEqual(lifted.item.body, body.slice(1));
  const same = normalize({ item: wireItem({ byline: 'by toby davis', body }) }, testContext()) as Draft;
  assert.equal(same.item.body.length, 1);
  const alone = normalize({ item: wireItem({ body: body.slice(0, 1) }) }, testContext()) as Draft;
  assert.equal(alone.item.body.length, 1, 'a body of only the byline is kept');
  const agency = normalize({ item: wireItem({ byline: 'Test Wire' }) }, testContext()) as Draft;
  assert.equal(agency.item.byline, null);
  const urgency = normalize({ item: wireItem({ urgency: 12 }) }, testContext()) as Draft;
  assert.equal(urgency.item.urgency, null);
});
