/**
 * Wire copy in the feeds reads as on its article page: the byline ("By Jane Doe, Agency") as the
 * item's author when there are no staff authors, and the full body opening with the dateline's
 * "PLACE (Agency) — " lead-in. Parsed with feedsmith, as the other feed tests do.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { fixedClock } from '../../platform/index.ts';
import { sqliteDialect } from '../../testing/databases.ts';
import { TEST_NOW } from '../../testing/fixed-time.ts';
import { createSmallSite } from '../../testing/small-site.ts';
import { buildTestApp } from '../../testing/test-app.ts';

describe('feeds carry the wire byline and dateline', async () => {
  const database = (await sqliteDialect.open())!;
  const clock = fixedClock(TEST_NOW);
  let app: FastifyInstance;

  before(async () => {
    app = await buildTestApp({ database, clock });
    const { content } = app.services;
    const fixture = await createSmallSite(content, TEST_NOW);
    await content.load();
    const publishNew = async (input: Parameters<typeof content.createArticle>[0]) =>
      content.publishArticle((await content.createArticle(input, { savedBy: null })).id, { savedBy: null });
    const wire = {
      siteId: fixture.site.id,
      sectionId: fixture.europe.id,
      agencyId: fixture.agency.id,
      rightsLine: '© 2025 Test Wire Agency. All rights reserved.',
    };
    clock.set('2025-10-21T10:00:00Z');
    await publishNew({
      ...wire,
      headline: 'Talks resume in Geneva',
      summary: 'Delegations return.',
      body: [{ type: 'paragraph', text: 'Negotiators met on Tuesday.' }],
      bylineText: 'Jane Doe',
      datelinePlace: 'Geneva',
    });
    clock.set('2025-10-21T10:30:00Z');
    // The copy names its agency in the byline and writes its own lead-in: neither is repeated.
    await publishNew({
      ...wire,
      headline: 'Markets steady',
      summary: '',
      body: [{ type: 'paragraph', text: 'ZURICH (Test Wire Agency) - Shares held.' }],
      bylineText: 'By Max Muster, Test Wire Agency',
      datelinePlace: 'Zurich',
    });
    clock.set(TEST_NOW);
  });
  after(async () => app.close());

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { host: 'daily.test' } });
    assert.equal(res.statusCode, 200, url);
    return res.body;
  };

  test('RSS: dc:creator is the byline with the agency; content:encoded opens with the lead-in', async () => {
    const items = parseRssFeed(await get('/feeds/rss.xml')).items ?? [];
    const geneva = items.find((i) => i.title === 'Talks resume in Geneva')!;
    assert.deepEqual(geneva.dc?.creators, ['By Jane Doe, Test Wire Agency']);
    assert.match(
      geneva.content?.encoded ?? '',
      /<p><span class="dateline-place">GENEVA \(Test Wire Agency\) — <\/span>Negotiators met on Tuesday\.<\/p>/,
    );
    const zurich = items.find((i) => i.title === 'Markets steady')!;
    assert.deepEqual(zurich.dc?.creators, ['By Max Muster, Test Wire Agency']);
    assert.doesNotMatch(zurich.content?.encoded ?? '', /dateline-place/);
  });

  test('Atom: the author is the byline with the agency, linking the agency', async () => {
    const entries = parseAtomFeed(await get('/feeds/atom.xml')).entries ?? [];
    const geneva = entries.find((e) => e.title?.value === 'Talks resume in Geneva')!;
    assert.deepEqual(geneva.authors, [
      { name: 'By Jane Doe, Test Wire Agency', uri: 'https://wire.example' },
    ]);
    assert.match(String(geneva.content?.value ?? ''), /GENEVA \(Test Wire Agency\) — /);
  });

  test('JSON Feed: authors and content_html as on the article page', async () => {
    const items = parseJsonFeed(await get('/feeds/feed.json')).items ?? [];
    const geneva = items.find((i) => i.title === 'Talks resume in Geneva')!;
    assert.deepEqual(
      geneva.authors?.map((a) => a.name),
      ['By Jane Doe, Test Wire Agency'],
    );
    assert.match(geneva.content_html ?? '', /GENEVA \(Test Wire Agency\) — /);
    const page = await get(new URL(geneva.url!).pathname);
    assert.match(
      page,
      /<p class="byline">By Jane Doe<span class="byline-agency">, Test Wire Agency<\/span><\/p>/,
    );
  });
});
