import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getSchema } from '@tiptap/core';
import type { Block } from '../../../../content/model.ts';
import { blocksToDoc, blocksToText, type DocNode, docToBlocks } from './blocks.ts';
import { bodyExtensions } from './schema.ts';

const every: Block[] = [
  { type: 'paragraph', text: 'The council met on Tuesday.' },
  { type: 'subhead', text: 'What was decided' },
  { type: 'quote', text: 'We will build it.\nAnd soon.', cite: 'The mayor' },
  { type: 'quote', text: 'No comment.' },
  { type: 'list', ordered: false, items: ['Roads', 'Bridges'] },
  { type: 'list', ordered: true, items: ['First', 'Second', 'Third'] },
  {
    type: 'image',
    src: 'https://img.example/harbor.jpg',
    alt: 'The harbor',
    caption: 'At dawn',
    credit: 'J. Doe',
    width: 1200,
    height: 800,
  },
  { type: 'image', src: '/media/demo/globe.svg', alt: '' },
  { type: 'embed', url: 'https://video.example/watch/1', title: 'The vote' },
  { type: 'paragraph', text: 'Quotes “curly”, <tags> & ampersands stay text.' },
];

describe('body blocks ⇄ editor document', () => {
  const schema = getSchema(bodyExtensions());

  test('every block type survives the round trip unchanged', () => {
    assert.deepEqual(docToBlocks(blocksToDoc(every)), every);
  });

  test("the document is valid in the editor's schema", () => {
    assert.doesNotThrow(() => schema.nodeFromJSON(blocksToDoc(every)).check());
    assert.doesNotThrow(() => schema.nodeFromJSON(blocksToDoc([])).check());
  });

  test('the round trip through the schema (as the editor stores it) changes nothing', () => {
    const stored = schema.nodeFromJSON(blocksToDoc(every)).toJSON() as DocNode;
    assert.deepEqual(docToBlocks(stored), every);
  });

  test('an empty body is one empty paragraph, and that is no block', () => {
    assert.deepEqual(blocksToDoc([]), { type: 'doc', content: [{ type: 'paragraph', content: [] }] });
    assert.deepEqual(docToBlocks(blocksToDoc([])), []);
  });

  test('marks are dropped, hard breaks become spaces, blank lines vanish', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'line' },
          ],
        },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '  ' }] },
        { type: 'blockquote', attrs: { cite: 'x' }, content: [{ type: 'paragraph' }] },
      ],
    };
    assert.deepEqual(docToBlocks(doc), [{ type: 'paragraph', text: 'Bold line' }]);
  });

  test('nested list items are kept, in order; an empty list is no block', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'Outer' }] },
                {
                  type: 'orderedList',
                  content: [
                    {
                      type: 'listItem',
                      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Inner' }] }],
                    },
                  ],
                },
              ],
            },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Last' }] }] },
          ],
        },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      ],
    };
    assert.deepEqual(docToBlocks(doc), [{ type: 'list', ordered: false, items: ['Outer', 'Inner', 'Last'] }]);
  });

  test('an image or embed without its URL is not a block yet; a lone width is dropped', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: ' ', alt: 'x' } },
        { type: 'embed', attrs: { url: '', title: 'x' } },
        {
          type: 'image',
          attrs: { src: '/a.jpg', alt: 'A', width: 10, height: null, caption: '', credit: '' },
        },
      ],
    };
    assert.deepEqual(docToBlocks(doc), [{ type: 'image', src: '/a.jpg', alt: 'A' }]);
  });

  test('unknown nodes keep their words as paragraphs', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }] }],
    };
    assert.deepEqual(docToBlocks(doc), [{ type: 'paragraph', text: 'x = 1' }]);
  });

  test('the readable text of a body, for diffs', () => {
    assert.equal(
      blocksToText(every.slice(0, 5)),
      'The council met on Tuesday.\n\n## What was decided\n\n“We will build it.\nAnd soon.” — The mayor\n\n“No comment.”\n\n• Roads\n• Bridges',
    );
  });
});
