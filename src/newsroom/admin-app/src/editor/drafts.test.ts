import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleFields } from '../types.ts';
import { changedFields, formField } from './drafts.ts';

const base: ArticleFields = {
  sectionId: 1,
  headline: 'Headline',
  summary: '',
  body: [{ type: 'paragraph', text: 'One.' }],
  tagIds: [1, 2],
  authorIds: [],
  agencyId: null,
  rightsLine: null,
  bylineText: null,
  datelinePlace: null,
  keywords: [],
  featuredImage: null,
  commentsEnabled: true,
};

describe('what an autosave sends', () => {
  test('only the fields that changed, compared by value', () => {
    assert.deepEqual(changedFields(base, { ...base, body: [{ type: 'paragraph', text: 'One.' }] }), {});
    assert.deepEqual(changedFields(base, { ...base, tagIds: [2, 1], headline: 'New' }), {
      tagIds: [2, 1],
      headline: 'New',
    });
    assert.deepEqual(changedFields(base, { ...base, agencyId: 3, rightsLine: '© Wire' }), {
      agencyId: 3,
      rightsLine: '© Wire',
    });
  });
  test("the API's field names map to the form's fields", () => {
    assert.equal(formField('body[3].src'), 'body');
    assert.equal(formField('featuredImage.src'), 'featuredImage');
    assert.equal(formField('headline'), 'headline');
    assert.equal(formField('[0]'), 'form');
  });
});
