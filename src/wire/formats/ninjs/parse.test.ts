import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fixturesFolder } from '../../../testing/fixtures.ts';
import { parseWireFile } from '../index.ts';

const iptc = fixturesFolder('ninjs-iptc');
const agencies = fixturesFolder('ninjs-agencies');

describe('ninjs', { skip: !iptc || !agencies }, () => {
  const read = (dir: string | null, file: string) => parseWireFile(readFileSync(join(dir!, file)));

  test('3.x: headlines and bodies arrays, camelCase properties, the copyright notice', () => {
    const item = read(iptc, 'examples/3.0/dpa_text.json').items[0]!;
    assert.equal(item.format, 'ninjs');
    assert.equal(item.guid, 'urn:newsml:dpa.com:20090101:190510-99-167362');
    assert.equal(item.version, 2);
    assert.equal(item.headline, 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?');
    assert.equal(item.byline, 'Von Christian Hollmann, dpa');
    assert.equal(item.body.length, 9);
    assert.equal(item.rightsLine, 'Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten');
  });

  test('1.x (Superdesk): embargo, subjects with codes and names, body_html', () => {
    const item = read(agencies, 'ninjs_embargoed.json').items[0]!;
    assert.equal(item.headline, 'Trouble is brewing for the future of beer');
    assert.equal(item.embargo?.toISOString(), '2022-06-29T02:30:00.000Z');
    assert.deepEqual(item.subjects[0], { code: '06011000', name: 'global warming' });
    assert.ok(item.body.length > 10);
  });

  test('1.x extensible properties (headline_main, body_main); a search envelope; pictures and events refused', () => {
    assert.equal(
      read(iptc, 'doc-examples/1.6/004_simple_text_article.json').items[0]?.headline,
      'Captain of wrecked cruise ship on trial in Italy',
    );
    assert.equal(read(agencies, 'bbc-ninjs-text-test.json').items[0]?.guid, 'https://www.example.com//12345');
    assert.equal(read(agencies, 'ninjs3.json').refusals[0]?.code, 'not_text');
    assert.match(read(iptc, 'examples/3.0/simpleEvent.json').refusals[0]!.reason, /event/);
  });

  test('malformed JSON is refused with the parser\u2019s reason', () => {
    const result = parseWireFile(Buffer.from('{"uri": "x", "headline": '));
    assert.equal(result.refusals[0]?.code, 'malformed_json');
    assert.match(result.refusals[0]!.reason, /^Malformed JSON: /);
  });
});
