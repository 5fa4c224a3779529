import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixturesFolder } from '../../../testing/fixtures.ts';
import { parseWireFile } from '../index.ts';

const iptc = fixturesFolder('newsml-g2-iptc');
const agencies = fixturesFolder('newsml-g2-agencies');
const dpa = fixturesFolder('newsml-g2-dpa-digitalwires');

describe('NewsML-G2', { skip: !iptc || !agencies || !dpa }, () => {
  const read = (dir: string | null, file: string) => parseWireFile(readFileSync(join(dir!, file)));

  test("IPTC's text listing: headline, slugline, NITF body and byline, dateline, subjects, rights, version", () => {
    const { format, items } = read(iptc, 'examples/LISTING_2_NewsML-G2_Text_Document.xml');
    assert.equal(format, 'newsml-g2');
    const [item] = items;
    assert.ok(item);
    assert.equal(item.guid, 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED');
    assert.equal(item.version, 11);
    assert.equal(item.pubStatus, 'usable');
    assert.equal(item.headline, 'Fed to halt QE to avert "bubble"');
    assert.equal(item.slugline, 'US-Finance-Fed');
    assert.equal(item.byline, 'By Meredith Jameson, Staff Reporter');
    assert.equal(item.dateline, 'New York, NY');
    assert.equal(item.agency, 'Acme News and Media LLC');
    assert.equal(item.rightsLine, 'Copyright 2017-18 Acme News and Media LLC');
    assert.deepEqual(item.subjects[1], { code: 'medtop:20000350', name: 'central bank' });
    assert.equal(item.body.length, 2);
    assert.match((item.body[0] as { text: string }).text, /^\(New York, NY - October 21\) Et, sent/);
    assert.equal(item.versionCreated?.toISOString(), '2018-11-21T21:25:32.000Z');
  });

  test('the Reuters withdrawal: same guid, higher version, pubStatus canceled', () => {
    const usable = read(agencies, 'reuters/L1N14N0FF_v978556838_usable.xml').items[0]!;
    const canceled = read(agencies, 'reuters/L1N14N0FF_v1542761538_canceled.xml').items[0]!;
    assert.equal(usable.guid, 'tag:reuters.com,0000:newsml_L1N14N0FF');
    assert.equal(canceled.guid, usable.guid);
    assert.equal(usable.pubStatus, 'usable');
    assert.equal(canceled.pubStatus, 'canceled');
    assert.ok(canceled.version > usable.version);
    assert.match(usable.rightsLine!, /Thomson Reuters 2016/);
    assert.equal(usable.agency, 'reuters.com');
  });

  test('dpa: embargo, usage terms and the rights notice; the XHTML header is not body text', () => {
    const item = read(dpa, 'newsml-g2/embargoed.xml').items[0]!;
    assert.equal(item.embargo?.toISOString(), '2025-01-23T18:00:00.000Z');
    assert.match(item.usageTerms!, /written agreement with dpa/);
    assert.equal(item.rightsLine, 'Copyright 2025, dpa (www.dpa.de). Alle Rechte vorbehalten');
    assert.equal(item.body[0]?.type, 'paragraph');
  });

  test('lenient with real agencies: ANSA offsets without a colon, STT items without a headline', () => {
    const ansa = read(agencies, 'ansa/ansa-newsmlg2-text.xml').items[0]!;
    assert.ok(ansa.versionCreated === null || !Number.isNaN(ansa.versionCreated.getTime()));
    const stt = read(agencies, 'stt/stt_newsml_abstract_test.xml').items[0]!;
    assert.equal(
      stt.headline,
      'Hjallis Harkimo ja Mikael Jungner ovat perustamassa uutta poliittista liikettä perinteisiä puolueita haastamaan,…',
    );
    assert.equal(stt.dateline, 'Helsinki');
  });

  test('expiry for web use is the licence end', () => {
    const xml = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g1" version="2">
      <rightsInfo><copyrightHolder literal="Acme Wire"/></rightsInfo>
      <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2025-03-01T10:00:00Z</versionCreated>
        <expires pubconstraint="usage:archive">2030-01-01T00:00:00Z</expires><expires>2025-04-01T00:00:00Z</expires></itemMeta>
      <contentMeta><headline>Hello</headline></contentMeta>
      <contentSet><inlineData contenttype="text/plain">One.\n\nTwo.</inlineData></contentSet></newsItem>`;
    const item = parseWireFile(Buffer.from(xml)).items[0]!;
    assert.equal(item.licenceEnd?.toISOString(), '2025-04-01T00:00:00.000Z');
    assert.equal(item.rightsLine, '© 2025 Acme Wire. All rights reserved.');
    assert.deepEqual(item.body, [
      { type: 'paragraph', text: 'One.' },
      { type: 'paragraph', text: 'Two.' },
    ]);
  });
});
