/** Hostile and broken XML is refused before (or instead of) being expanded, with a precise reason. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWireFile } from './index.ts';

const refusalOf = (text: string | Uint8Array) =>
  parseWireFile(typeof text === 'string' ? Buffer.from(text) : text).refusals[0];

test('billion laughs is refused, not expanded', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><newsItem guid="x">&lol9;</newsItem>`;
  const r = refusalOf(laughs);
  assert.equal(r?.code, 'hostile_xml');
  assert.match(r!.reason, /entity declarations are refused/);
});

test('an external entity (XXE) is refused and nothing is read', () => {
  const r = refusalOf(
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nitf><body>&xxe;</body></nitf>',
  );
  assert.equal(r?.code, 'hostile_xml');
});

test('a DOCTYPE naming an external DTD without entities is fine (classic NITF)', () => {
  const result = parseWireFile(
    Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "nitf-3-2.dtd"><nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body></nitf>',
    ),
  );
  assert.equal(result.items[0]?.headline, 'H');
});

test('malformed and truncated XML names the line', () => {
  const r = refusalOf(
    '<newsItem guid="x">\n  <itemMeta>\n    <itemClass qcode="ninat:text">\n  </itemMeta>\n</newsItem>',
  );
  assert.equal(r?.code, 'malformed_xml');
  assert.match(r!.reason, /^Malformed XML at line \d+, column \d+: /);
  const truncated = refusalOf('<?xml version="1.0"?>\n<newsItem guid="x">\n<contentMeta><headline>Cut he');
  assert.equal(truncated?.code, 'malformed_xml');
});

test('wrong encodings: declared UTF-8 with Latin-1 bytes, an unknown encoding', () => {
  const latin = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>Caf'),
    Buffer.from([0xe9]),
    Buffer.from('</title></head></nitf>'),
  ]);
  const r = refusalOf(latin);
  assert.equal(r?.code, 'bad_encoding');
  assert.match(r!.reason, /byte \d+ is not UTF-8/);
  assert.equal(refusalOf('<?xml version="1.0" encoding="klingon-8"?><nitf/>')?.code, 'bad_encoding');
});

test('enormous files are refused unread; empty and binary files are named', () => {
  assert.equal(refusalOf(new Uint8Array(6 * 1024 * 1024).fill(0x3c))?.code, 'too_large');
  assert.equal(refusalOf('')?.code, 'no_content');
  assert.equal(refusalOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))?.code, 'unknown_format');
});

test('deep nesting is refused rather than recursed into', () => {
  const deep = `<newsItem guid="x">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</newsItem>`;
  const r = refusalOf(deep);
  assert.ok(r, 'refused');
  assert.equal(r.code, 'malformed_xml');
});
