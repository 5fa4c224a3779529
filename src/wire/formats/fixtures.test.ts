/**
 * Every file of the shared wire fixtures, through format detection and mapping: each text story
 * ingests, everything else is refused with a precise reason. The agency folders are listed file
 * by file; the large conformance corpora are checked for their invariants and counted.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES_DIR, fixturesFolder } from '../../testing/fixtures.ts';
import type { ParsedFile } from '../wire-item.ts';
import { parseWireFile } from './index.ts';

const folders = [
  'newsml-g2-iptc',
  'newsml-g2-agencies',
  'newsml-g2-dpa-digitalwires',
  'ninjs-iptc',
  'ninjs-agencies',
  'nitf',
  'newsml-1',
  'feeds-real-publishers',
  'feeds-feedparser-tests',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

const results = new Map<string, ParsedFile>();
const available = folders.every((f) => fixturesFolder(f) !== null);
if (available) {
  for (const folder of folders) {
    for (const file of filesUnder(join(FIXTURES_DIR, folder))) {
      results.set(relative(FIXTURES_DIR, file), parseWireFile(readFileSync(file)));
    }
  }
}

/** What one file must give: the number of stories, or the code of its (first) refusal. */
function outcome(path: string): string {
  const r = results.get(path);
  assert.ok(r, `${path} was read`);
  return r.items.length > 0 ? `${r.items.length} stories` : `refused: ${r.refusals[0]?.code}`;
}

describe('every wire fixture file', { skip: !available }, () => {
  test('parses without throwing into stories or precise refusals', () => {
    assert.ok(results.size > 1000, `read ${results.size} files`);
    for (const [path, result] of results) {
      assert.ok(result.items.length + result.refusals.length > 0, `${path}: neither stories nor refusals`);
      for (const r of result.refusals) assert.match(r.reason, /\w{3,}.*\w/, `${path}: vague refusal`);
      for (const item of result.items) {
        assert.ok(item.guid.length > 0, `${path}: guid`);
        assert.ok(item.headline.trim().length > 0 && item.headline.length <= 300, `${path}: headline`);
        assert.ok(item.body.length > 0, `${path}: body`);
        assert.ok(Number.isSafeInteger(item.version) && item.version >= 1, `${path}: version`);
        for (const block of item.body) {
          if ('text' in block) assert.ok(block.text.trim() !== '', `${path}: empty ${block.type}`);
        }
      }
    }
  });

  test('the real agency NewsML-G2 files: text stories ingest; pictures, video and packages are refused', () => {
    const expected: Record<string, string> = {
      'ansa/ansa-newsmlg2-text.xml': '1 stories',
      'ansa/ansa_culture.xml': '1 stories',
      'ap/ap.xml': '3 stories',
      'dpa/dpa.xml': '1 stories',
      'reuters/GM1E9341HD701_picture.xml': 'refused: not_text',
      'reuters/GM1EA7M13RP01_picture.xml': 'refused: not_text',
      'reuters/ISS149709_table.xml': '1 stories',
      'reuters/KBN0FL0NM_v10_composite.xml': 'refused: package',
      'reuters/KBN0FL0NN_v5_update.xml': '1 stories',
      'reuters/L1N14N0FF_v1542761538_canceled.xml': '1 stories',
      'reuters/L1N14N0FF_v978556838_usable.xml': '1 stories',
      'reuters/L4N0BT5PJ_text.xml': '1 stories',
      'reuters/L4N1FL0N0_table.xml': '1 stories',
      'reuters/LYNXMPEA6F0MS_v2_picture.xml': 'refused: not_text',
      'reuters/OVE933ZR4_video.xml': '1 stories',
      'reuters/TRE7AA2CP_package.xml': 'refused: package',
      'stt/stt_newsml_abstract_test.xml': '1 stories',
      'stt/stt_newsml_endash.xml': '1 stories',
      'stt/stt_newsml_location_rich.xml': '1 stories',
      'stt/stt_newsml_no_truncated_text_test.xml': '1 stories',
      'stt/stt_newsml_note_test.xml': '1 stories',
      'stt/stt_newsml_test.xml': '1 stories',
      MANIFEST: 'refused: unknown_format',
    };
    for (const [file, want] of Object.entries(expected)) {
      const path = file === 'MANIFEST' ? 'newsml-g2-agencies/MANIFEST.md' : `newsml-g2-agencies/${file}`;
      assert.equal(outcome(path), want, path);
    }
    // The video message carries a package, video, audio and picture beside its one text script.
    const video = results.get('newsml-g2-agencies/reuters/OVE933ZR4_video.xml')!;
    assert.deepEqual(
      video.refusals.map((r) => r.code),
      ['package', 'not_text', 'not_text', 'not_text'],
    );
  });

  test('dpa: the NewsML-G2 text items ingest (schema-invalid for their missing header); digitalwires JSON is refused', () => {
    const dir = 'newsml-g2-dpa-digitalwires';
    for (const name of [
      'dw-1',
      'embargoed',
      'empty_paragraph',
      'hoerfunk',
      'lesestuecke',
      'no_notepad',
      'nsb_n1',
    ]) {
      assert.equal(outcome(`${dir}/newsml-g2/${name}.xml`), '1 stories', name);
    }
    for (const name of ['audio', 'image', 'no_content']) {
      assert.equal(outcome(`${dir}/newsml-g2/${name}.xml`), 'refused: not_text', name);
    }
    for (const [path, result] of results) {
      if (path.startsWith(`${dir}/digitalwires-json/`))
        assert.equal(result.refusals[0]?.code, 'unsupported_format', path);
    }
  });

  test('NITF: all sixteen real samples ingest; the schemas are refused as schemas', () => {
    for (const [path, result] of results) {
      if (!path.startsWith('nitf/')) continue;
      if (path.startsWith('nitf/samples/')) assert.equal(result.items.length, 1, path);
      else if (path.endsWith('.xsd')) assert.equal(result.refusals[0]?.code, 'not_a_news_item', path);
      else assert.equal(result.refusals[0]?.code, 'unknown_format', path);
    }
  });

  test('ninjs: Superdesk-flavoured text items ingest, pictures are refused; IPTC events and schemas are refused', () => {
    assert.equal(outcome('ninjs-agencies/ninjs1.json'), '1 stories');
    assert.equal(outcome('ninjs-agencies/ninjs2.json'), '1 stories');
    assert.equal(outcome('ninjs-agencies/ninjs5.json'), '1 stories');
    assert.equal(outcome('ninjs-agencies/ninjs_embargoed.json'), '1 stories');
    assert.equal(outcome('ninjs-agencies/bbc-ninjs-text-test.json'), '1 stories');
    assert.equal(outcome('ninjs-agencies/ninjs3.json'), 'refused: not_text');
    assert.equal(outcome('ninjs-iptc/examples/3.0/dpa_text.json'), '1 stories');
    assert.equal(outcome('ninjs-iptc/examples/2.1/ntb_text.json'), '1 stories');
    assert.equal(outcome('ninjs-iptc/examples/1.4/ninjsExComplex1.json'), '1 stories');
    assert.equal(outcome('ninjs-iptc/doc-examples/1.6/004_simple_text_article.json'), '1 stories');
    assert.equal(outcome('ninjs-iptc/examples/3.0/simpleEvent.json'), 'refused: not_text');
    assert.equal(outcome('ninjs-iptc/examples/3.0/ap_image.json'), 'refused: not_text');
    assert.equal(outcome('ninjs-iptc/schema/ninjs-schema_3.1.json'), 'refused: not_a_news_item');
  });

  test('IPTC NewsML-G2: the text listings ingest; concepts, planning, packages, fragments and pictures are refused', () => {
    const dir = 'newsml-g2-iptc/examples';
    assert.equal(outcome(`${dir}/LISTING_2_NewsML-G2_Text_Document.xml`), '1 stories');
    assert.equal(outcome(`${dir}/LISTING_22_Sports_story_in_NewsML-G2NITF.xml`), '1 stories');
    assert.equal(outcome(`${dir}/LISTING_1_A_NewsML-G2_News_Item.xml`), 'refused: no_content');
    assert.equal(outcome(`${dir}/LISTING_3_Photo_in_NewsML-G2.xml`), 'refused: not_text');
    assert.equal(outcome(`${dir}/LISTING_6_Simple_NewsML-G2_Package.xml`), 'refused: package');
    assert.equal(
      outcome(`${dir}/LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml`),
      'refused: not_a_news_item',
    );
    assert.equal(outcome(`${dir}/LISTING_17_Planning_Item_a_CCL.xml`), 'refused: not_a_news_item');
    assert.equal(
      outcome(`${dir}/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml`),
      'refused: not_a_news_item',
    );
    assert.equal(
      outcome('newsml-g2-iptc/schema/NewsML-G2_2.35-spec-All-Power.xsd'),
      'refused: not_a_news_item',
    );
  });

  test('NewsML 1.x is refused as unsupported, by name', () => {
    for (const [path, result] of results) {
      if (path.startsWith('newsml-1/') && path.endsWith('.xml')) {
        assert.equal(result.refusals[0]?.code, 'unsupported_format', path);
        assert.match(result.refusals[0]!.reason, /NewsML 1\.x/);
      }
    }
  });

  test('feeds: real publishers\u2019 entries with text ingest, the mis-encoded UOL feed included; title-only entries are refused', () => {
    assert.equal(outcome('feeds-real-publishers/rss-parser/guardian.rss'), '55 stories');
    assert.equal(outcome('feeds-real-publishers/rss-parser/feedburner.atom'), '25 stories');
    assert.equal(outcome('feeds-real-publishers/rss-parser/uolNoticias.rss'), '11 stories');
    assert.match(
      results.get('feeds-real-publishers/rss-parser/uolNoticias.rss')!.items[0]!.headline,
      /ç|ã|é|Ibope/,
    );
    assert.equal(outcome('feeds-real-publishers/rss-parser/rss-1.rss'), 'refused: no_content');
    const counted = [...results].filter(([p]) => p.startsWith('feeds-feedparser-tests/'));
    assert.equal(counted.filter(([, r]) => r.items.length > 0).length, 49);
  });
});
