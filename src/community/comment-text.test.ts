import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsLink, formatCommentText, normaliseText } from './comment-text.ts';

test('blank lines make paragraphs, single newlines line breaks', () => {
  assert.deepEqual(formatCommentText('one\r\ntwo\r\n\r\n\r\nthree'), [
    [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]],
    [[{ kind: 'text', text: 'three' }]],
  ]);
});

test('http(s) URLs become links; trailing punctuation stays text', () => {
  assert.deepEqual(formatCommentText('See https://example.com/a?b=1. Or (http://x.example/wiki/A_(b)).'), [
    [
      [
        { kind: 'text', text: 'See ' },
        { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
        { kind: 'text', text: '. Or (' },
        { kind: 'link', text: 'http://x.example/wiki/A_(b)', href: 'http://x.example/wiki/A_(b)' },
        { kind: 'text', text: ').' },
      ],
    ],
  ]);
});

test('other schemes and markup stay text', () => {
  const formatted = formatCommentText(
    'javascript:alert(1) <a href="https://evil.example">x</a> data:text/html,hi',
  );
  const links = formatted.flat(2).filter((s) => s.kind === 'link');
  assert.deepEqual(
    links.map((l) => l.href),
    ['https://evil.example/'],
  );
  assert.equal(containsLink('no links here, javascript:alert(1)'), false);
  assert.equal(containsLink('go to https://example.com'), true);
});

test('normalising trims and unifies line ends', () => {
  assert.equal(normaliseText('  a\r\nb\rc  '), 'a\nb\nc');
});
