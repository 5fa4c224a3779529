/**
 * A killed wire article leaves the editions not yet sent: the stored top stories drop it at
 * once, and the edition delivered (real SMTP, the sink) does not carry it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { ADMIN, type SignedInClient, signIn } from '../testing/admin-api.ts';
import { fixturesFolder } from '../testing/fixtures.ts';
import { buildNewsletterTestApp, publishArticle, subscribeConfirmed } from '../testing/newsletter.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';

const agencies = fixturesFolder('newsml-g2-agencies');

describe('a wire kill and the pending newsletter edition', { skip: !agencies }, () => {
  let sink: SmtpSink;
  let app: FastifyInstance;
  let built: Awaited<ReturnType<typeof buildNewsletterTestApp>>;
  let editor: SignedInClient;
  const reuters = (name: string) => ({
    name,
    bytes: readFileSync(join(agencies!, 'reuters', name)),
  });

  before(async () => {
    sink = await startSmtpSink();
    built = await buildNewsletterTestApp(sink);
    app = built.app;
    editor = await signIn(app, 'editor@daily.test');
    const { site, world } = built.fixture;
    for (const headline of ['Summit ends with a deal', 'Harbour bridge reopens', 'Rates hold steady']) {
      await publishArticle(app, { siteId: site.id, sectionId: world.id, headline });
    }
    await subscribeConfirmed(app, sink, { email: 'reader@example.org' });
    sink.messages.splice(0);
  });
  after(async () => {
    await app?.close();
    await sink?.close();
  });

  test('the kill drops the article from the draft edition, and the edition sent does not carry it', async () => {
    const { wire } = app.services;
    const source = await wire.sources.manualFor(built.fixture.site.id, built.clock.now());
    const [usable] = await wire.ingestFile(source, reuters('L1N14N0FF_v978556838_usable.xml'));
    assert.equal(usable!.status, 'published');
    const articleId = usable!.articleId!;

    const created = await editor.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions`,
      payload: { siteId: built.fixture.site.id },
    });
    assert.equal(created.statusCode, 201, created.body);
    const edition = created.json();
    assert.ok(edition.articleIds.includes(articleId), 'the wire article is a top story');

    const [kill] = await wire.ingestFile(source, reuters('L1N14N0FF_v1542761538_canceled.xml'));
    assert.equal(kill!.status, 'killed');
    const stored = async () =>
      (await editor.request({ url: `${ADMIN}/newsletter/editions/${edition.id}` })).json().articleIds;
    // The edition follows the kill's event, a moment after its commit.
    for (let i = 0; i < 50 && (await stored()).includes(articleId); i++) await sleep(20);
    assert.deepEqual(
      await stored(),
      edition.articleIds.filter((id: number) => id !== articleId),
    );
    // The subject was assembled from the first story's headline: it follows the new first story.
    const after = (await editor.request({ url: `${ADMIN}/newsletter/editions/${edition.id}` })).json();
    assert.equal(edition.articleIds[0], articleId, 'the newest article leads');
    assert.match(edition.subject, /Illinois/);
    assert.equal(after.subject, 'Daily Test Daily: Rates hold steady');

    const send = await editor.request({
      method: 'POST',
      url: `${ADMIN}/newsletter/editions/${edition.id}/send`,
      payload: {},
    });
    assert.equal(send.statusCode, 202, send.body);
    await app.services.jobs.runDue();
    const mails = sink.to('reader@example.org');
    assert.equal(mails.length, 1);
    const html = String(mails[0]!.parsed.html);
    const text = String(mails[0]!.parsed.text);
    assert.match(html, /Summit ends with a deal/);
    assert.ok(!html.includes(usable!.headline), 'the killed article is not in the HTML');
    assert.ok(!text.includes(usable!.headline), 'nor in the text part');
    assert.ok(!String(mails[0]!.parsed.subject).includes(usable!.headline), 'nor in the subject');
  });
});
