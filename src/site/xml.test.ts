import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeXml, xml } from './xml.ts';

test('xml escapes interpolations and keeps nested xml', () => {
  const inner = xml`<b>${'x & y'}</b>`;
  assert.equal(
    xml`<a t="${'"<>'}">${inner}${['1', null, false, 2]}</a>`.value,
    '<a t="&quot;&lt;&gt;"><b>x &amp; y</b>12</a>',
  );
  assert.equal(xml`<c>${'<![CDATA[ ]]>'}</c>`.value, '<c>&lt;![CDATA[ ]]&gt;</c>');
});

test('characters XML 1.0 forbids are dropped; tabs, newlines, astral characters and the rest are kept', () => {
  assert.equal(escapeXml('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFF'), 'abcde');
  assert.equal(escapeXml('lone \uD800 and \uDC00 surrogates'), 'lone  and  surrogates');
  assert.equal(escapeXml('tab\tline\nreturn\r emoji 📰 é'), 'tab\tline\nreturn\r emoji 📰 é');
});
