/** The fast scanner takes well-formed XML and gives up on anything else (the validating path then refuses it). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanXml } from './xml-scan.ts';

test('well-formed XML: local names, attributes, text across comments, CDATA, references decoded', () => {
  const root = scanXml(
    '<?xml version="1.0"?>\r\n<!-- c --><ns0:newsItem xmlns:ns0="urn:x" guid="a&amp;b" xml:lang="en"><ns0:p>One<!-- x -->\r\ntwo &#8211; &#x41;</ns0:p><q><![CDATA[<b>]]></q><e/></ns0:newsItem>',
  );
  assert.deepEqual(root, {
    name: 'newsItem',
    attrs: { guid: 'a&b', lang: 'en' },
    children: [
      { name: 'p', attrs: {}, children: ['One\ntwo – A'] },
      { name: 'q', attrs: {}, children: ['<b>'] },
      { name: 'e', attrs: {}, children: [] },
    ],
  });
});

test('anything unusual or malformed is left to the validating path', () => {
  for (const bad of [
    '<a><b></a></b>',
    '<a x="1" x="2"/>',
    '<a>AT&T</a>',
    '<a>&nbsp;</a>',
    '<a/><b/>',
    '<a>',
    '<a x=1/>',
    '<a x="<"/>',
    '<!DOCTYPE a [<!ELEMENT a ANY>]><a/>',
    'text<a/>',
    '<a>&#0;</a>',
    `${'<a>'.repeat(300)}${'</a>'.repeat(300)}`,
  ]) {
    assert.equal(scanXml(bad), null, bad.slice(0, 40));
  }
});
