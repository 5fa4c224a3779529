import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildNewsletterTestApp, publishArticle } from '../testing/newsletter.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';

describe('an edition follows the home page curation', () => {
  let sink: SmtpSink;
  let built: Awaited<ReturnType<typeof buildNewsletterTestApp>>;
  before(async () => {
    sink = await startSmtpSink();
    built = await buildNewsletterTestApp(sink);
  });
  after(async () => {
    await built.app.close();
    await sink.close();
  });

  test('curated top stories lead, in the curated order, then the newest', async () => {
    const { app, fixture } = built;
    const publish = (headline: string) =>
      publishArticle(app, { siteId: fixture.site.id, sectionId: fixture.world.id, headline });
    const first = await publish('Harbour ferry timetable changes');
    const second = await publish('Library opens on Sundays');
    const third = await publish('Council approves new budget');
    const { content, newsletter } = app.services;
    await content.curateHome(fixture.site.id, [first, second]);
    const site = content.siteById(fixture.site.id)!;
    const ids = await newsletter.editions.topStoryIds(site, app.services.clock.now());
    assert.deepEqual(ids.slice(0, 2), [first, second]);
    assert.ok(ids.includes(third), 'the newest fill the rest');
    assert.equal(new Set(ids).size, ids.length, 'no story twice');
  });
});
