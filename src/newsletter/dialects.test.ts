import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { publishArticle, subscribeConfirmed, TEST_SECRET } from '../testing/newsletter.ts';
import { seedConfirmedSubscribers } from '../testing/newsletter-seed.ts';
import { createSmallSite } from '../testing/small-site.ts';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';
import { buildTestApp } from '../testing/test-app.ts';
import { jobKinds } from './index.ts';

for (const dialect of testDialects) {
  describe(`newsletter on ${dialect.name}`, () => {
    let sink: SmtpSink;
    let database: Awaited<ReturnType<typeof dialect.open>>;
    before(async () => {
      sink = await startSmtpSink();
      database = await dialect.open();
    });
    after(async () => {
      await database?.close();
      await sink.close();
    });

    test('signup, confirm, a send through the log, search, export and delete', async (t) => {
      if (!database) return t.skip('PostgreSQL is not reachable');
      const clock = fixedClock(TEST_NOW);
      const app = await buildTestApp({
        database,
        clock,
        env: { SMTP_URL: sink.url, SECRET_KEY: TEST_SECRET, PUBLIC_PORT: '80' },
      });
      try {
        const { content, newsletter } = app.services;
        const { site, world } = await createSmallSite(content, TEST_NOW);
        const local = await publishArticle(app, {
          siteId: site.id,
          sectionId: world.id,
          headline: 'Chicago council votes',
        });
        await publishArticle(app, { siteId: site.id, sectionId: world.id, headline: 'World leaders meet' });
        await newsletter.localities.set(local, [{ state: 'IL', county: 'Cook', city: null }]);
        assert.deepEqual(await newsletter.localities.forArticle(local), [
          { state: 'IL', county: 'Cook', city: null },
        ]);
        await subscribeConfirmed(app, sink, { email: 'first_reader@example.org', zip: '60601' });
        await seedConfirmedSubscribers(database.db, {
          siteId: site.id,
          count: 40,
          email: (i) => `seeded${i}@example.org`,
          zip: { zip: '60601', state: 'IL', county: 'Cook', city: 'Chicago' },
        });
        sink.messages.splice(0);
        const edition = await newsletter.editions.assemble(site.id);
        const again = await newsletter.editions.assemble(site.id);
        assert.equal(again.id, edition.id, 'one edition per brand and day');
        const result = await newsletter.createSender({ chunkSize: 7, pageSize: 9 }).run(edition.id);
        assert.equal(result.done, true);
        assert.equal(result.counts.sent, 41);
        assert.equal(sink.messages.length, 41);
        const reader = sink.to('first_reader@example.org')[0]!;
        assert.match(String(reader.parsed.html), /Local news for Chicago/);
        assert.equal(sink.to('seeded1@example.org').length, 1);
        assert.doesNotMatch(String(sink.to('seeded1@example.org')[0]!.parsed.html), /Local news/);
        assert.equal((await newsletter.editions.get(edition.id)).status, 'sent');

        // "_" is a LIKE wildcard: it must match itself only.
        const found = await newsletter.subscriberAdmin.search({ q: 'first_' });
        assert.deepEqual(
          found.items.map((s) => s.email),
          ['first_reader@example.org'],
        );
        assert.equal(found.items[0]!.place.city, 'Chicago');
        const inCook = await newsletter.subscriberAdmin.search(
          { county: 'Cook', siteId: site.id, status: 'confirmed' },
          { limit: 15 },
        );
        assert.equal(inCook.items.length, 15);
        assert.ok(inCook.next);
        let lines = 0;
        for await (const line of newsletter.subscriberAdmin.csv({ siteId: site.id }))
          lines += line.split('\r\n').length - 1;
        assert.equal(lines, 42);
        assert.equal(await newsletter.subscriberAdmin.delete(found.items[0]!.id), true);
        assert.equal((await newsletter.subscriberAdmin.search({ q: 'first_' })).items.length, 0);
        assert.equal((await newsletter.editions.counts(edition.id)).sent, 40);
      } finally {
        await app.close();
      }
    });
  });
}

describe("daily editions are booked at the brand's send time, DST-correct", () => {
  test('06:00 New York is 10:00 UTC in October and 11:00 UTC after the clocks go back', async () => {
    const { zonedInstant } = await import('./index.ts');
    assert.equal(
      zonedInstant('2025-11-01', '06:00', 'America/New_York').toISOString(),
      '2025-11-01T10:00:00.000Z',
    );
    assert.equal(
      zonedInstant('2025-11-02', '06:00', 'America/New_York').toISOString(),
      '2025-11-02T11:00:00.000Z',
    );
    assert.equal(
      zonedInstant('2025-03-09', '06:00', 'America/New_York').toISOString(),
      '2025-03-09T10:00:00.000Z',
    );
    // 02:30 does not exist on 9 March 2025 in New York: the clocks show 03:30.
    assert.equal(
      zonedInstant('2025-03-09', '02:30', 'America/New_York').toISOString(),
      '2025-03-09T07:30:00.000Z',
    );
  });

  test('the keyed job assembles the day, sends by itself when told to, and books the next day', async () => {
    const database = (await testDialects[0]!.open())!;
    const clock = fixedClock('2025-11-01T12:00:00Z');
    const sink = await startSmtpSink();
    const app = await buildTestApp({ database, clock, env: { SMTP_URL: sink.url, SECRET_KEY: TEST_SECRET } });
    try {
      const { content, newsletter, jobs } = app.services;
      const { site, world } = await createSmallSite(content, clock.now());
      await publishArticle(app, { siteId: site.id, sectionId: world.id, headline: 'Saturday story' });
      await subscribeConfirmed(app, sink, { email: 'auto@example.org' });
      await newsletter.editions.updateSettings(site.id, { sendTime: '06:00', autoSend: true });
      const booked = await jobs.list({ kind: jobKinds.assemble, status: 'pending' });
      assert.deepEqual(
        booked.map((j) => [j.key, j.runAt.toISOString()]),
        // Assembled an hour before 06:00 EST on Sunday 2 November (the day the clocks go back).
        [[`newsletter-edition:${site.id}:2025-11-02`, '2025-11-02T10:00:00.000Z']],
      );
      // Booking again (every start does) keeps one job.
      await newsletter.editions.scheduleDaily();
      assert.equal((await jobs.list({ kind: jobKinds.assemble, status: 'pending' })).length, 1);
      clock.set('2025-11-02T10:00:00Z');
      await jobs.runDue();
      const [edition] = await newsletter.editions.list(site.id);
      assert.equal(edition!.date, '2025-11-02');
      assert.equal(edition!.status, 'scheduled');
      assert.equal(edition!.sendAt?.toISOString(), '2025-11-02T11:00:00.000Z');
      const next = await jobs.list({ kind: jobKinds.assemble, status: 'pending' });
      assert.deepEqual(
        next.map((j) => j.runAt.toISOString()),
        ['2025-11-03T10:00:00.000Z'],
      );
      sink.messages.splice(0);
      clock.set('2025-11-02T11:00:00Z');
      await jobs.runDue();
      assert.equal(sink.to('auto@example.org').length, 1);
      assert.equal((await newsletter.editions.get(edition!.id)).status, 'sent');
    } finally {
      await app.close();
      await database.close();
      await sink.close();
    }
  });
});
