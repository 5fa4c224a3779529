import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixturesFolder } from '../../../testing/fixtures.ts';
import { parseWireFile } from '../index.ts';

const nitf = fixturesFolder('nitf');

describe('NITF', { skip: !nitf }, () => {
  const read = (file: string) => parseWireFile(readFileSync(join(nitf!, 'samples', file))).items[0]!;

  test('AAP: doc-id, release and expiry times, the holder turned into a rights line', () => {
    const item = read('aap-1.xml');
    assert.equal(item.format, 'nitf');
    assert.equal(item.guid, 'AAP.115314987.5417374');
    assert.equal(item.headline, 'F1 Test');
    assert.equal(item.byline, 'By John Doe');
    assert.equal(item.dateline, 'Sydney');
    assert.equal(item.rightsLine, '© 2013 Australian Associated Press. All rights reserved.');
    assert.equal(item.licenceEnd?.toISOString(), '2013-11-19T08:27:51.000Z');
    assert.deepEqual(item.subjects, [{ code: 'subj:15039001', name: null }]);
  });

  test('PA (ISO-8859-1, DTD style): subjects, keywords and paragraphs with inline markup reduced to text', () => {
    const item = read('pa1.xml');
    assert.equal(item.headline, 'PA SPORT TRIVIA (OCTOBER 14)');
    assert.deepEqual(item.keywords, ['Trivia (Oct 14)']);
    assert.equal(item.subjects.length, 4);
    assert.ok(
      item.body.some(
        (b) => b.type === 'paragraph' && b.text.startsWith('1996: Mark Bosnich, then of Aston Villa'),
      ),
    );
  });

  test('a canceled document is a kill; a declared Latin-1 file written in UTF-8 reads right', () => {
    assert.equal(read('nitf-fishing.xml').pubStatus, 'canceled');
    assert.match(read('mapping_test.xml').headline, /41-årig mand/);
    assert.equal(read('nitf-ntb.xml').version, 48);
  });
});
