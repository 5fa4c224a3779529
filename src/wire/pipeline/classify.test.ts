import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, maxTags } from './classify.ts';
import { testContext, wireItem } from './test-support.ts';
import type { Draft } from './types.ts';

const subjects = [
  { code: 'medtop:15000000', name: 'sport' },
  { code: 'N2:PRCP', name: null },
  { code: 'medtop:20000350', name: 'central bank' },
];

test('section rules by subject code, then keyword, then the default, then the first section', () => {
  const rules = [
    { subject: 'medtop:15000000', section: 'sport' },
    { keyword: 'Brexit', section: 'world/europe' },
  ];
  const bySubject = classify(
    { item: wireItem({ subjects }) },
    testContext({ source: { sectionRules: rules } }),
  ) as Draft;
  assert.equal(bySubject.sectionId, 12);
  const byKeyword = classify(
    { item: wireItem({ keywords: ['brexit'] }) },
    testContext({ source: { sectionRules: rules } }),
  ) as Draft;
  assert.equal(byKeyword.sectionId, 11);
  const byDefault = classify(
    { item: wireItem() },
    testContext({ source: { defaultSectionId: 11 } }),
  ) as Draft;
  assert.equal(byDefault.sectionId, 11);
  assert.equal((classify({ item: wireItem() }, testContext()) as Draft).sectionId, 10);
});

test('the mapping table names tags or drops terms; named subjects and keywords become tags; bare codes do not', () => {
  const mappings = [
    { id: 1, sourceId: 1, kind: 'subject' as const, value: 'medtop:15000000', tagId: 7 },
    { id: 2, sourceId: 1, kind: 'keyword' as const, value: 'internal', tagId: null },
  ];
  const draft = classify(
    { item: wireItem({ subjects, keywords: ['Internal', 'Geneva'] }) },
    testContext({ mappings }),
  ) as Draft;
  assert.deepEqual(draft.tagIds, [7]);
  assert.deepEqual(draft.tagNames, ['central bank', 'Geneva']);
});

test('at most a handful of tags', () => {
  const keywords = Array.from({ length: 20 }, (_, i) => `term ${i}`);
  const draft = classify({ item: wireItem({ keywords }) }, testContext()) as Draft;
  assert.equal(draft.tagNames?.length, maxTags);
});
