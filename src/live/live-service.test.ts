import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ContentService, createContentService } from '../content/index.ts';
import { EventBus, fixedClock } from '../platform/index.ts';
import { testDialects } from '../testing/databases.ts';
import { TEST_NOW } from '../testing/fixed-time.ts';
import { createSmallSite } from '../testing/small-site.ts';
import {
  createLiveService,
  LiveError,
  LiveInvalidError,
  type LiveService,
  type ProgrammeInput,
} from './index.ts';

const channel = {
  name: 'Daily TV',
  streamUrl: 'https://video.example/live/master.m3u8',
  backupUrl: '/live/test-card/master.m3u8',
  posterUrl: null,
  onAir: true,
};

function programme(
  title: string,
  startsAt: string,
  endsAt: string,
  extra: Partial<ProgrammeInput> = {},
): ProgrammeInput {
  return {
    title,
    description: `${title}, described.`,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    host: null,
    imageUrl: null,
    recurrence: 'none',
    ...extra,
  };
}

async function refusal(promise: Promise<unknown>): Promise<LiveInvalidError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LiveInvalidError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

for (const dialect of testDialects) {
  describe(`live channel and schedule on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    const clock = fixedClock(TEST_NOW);
    const events = new EventBus();
    const changes: number[] = [];
    events.on('live.changed', (e) => changes.push(e.siteId));
    let content: ContentService;
    let live: LiveService;
    let siteId: number;

    before(async () => {
      if (!handle) return;
      content = createContentService({ db: handle.db, events, clock });
      siteId = (await createSmallSite(content, TEST_NOW)).site.id;
      await content.load();
      live = createLiveService({
        db: handle.db,
        events,
        clock,
        timeZoneOf: (id) => content.siteById(id)?.timeZone,
      });
    });
    after(async () => handle?.close());

    test('a programme needs the channel first', { skip: !handle }, async () => {
      await assert.rejects(
        live.createProgramme(siteId, programme('Early', '2025-10-21T10:00:00Z', '2025-10-21T11:00:00Z')),
        (e: Error) => e instanceof LiveError.NoChannel,
      );
    });

    test('the channel is saved, read back and changed; each change is announced', {
      skip: !handle,
    }, async () => {
      const saved = await live.saveChannel(siteId, { ...channel, name: '  Daily TV  ' });
      assert.equal(saved.name, 'Daily TV');
      assert.equal(saved.backupUrl, '/live/test-card/master.m3u8');
      assert.equal(saved.onAir, true);
      const off = await live.saveChannel(siteId, { ...channel, onAir: false, backupUrl: '' });
      assert.equal(off.onAir, false);
      assert.equal(off.backupUrl, null);
      assert.deepEqual(changes.slice(-2), [siteId, siteId]);
      await live.saveChannel(siteId, channel);
    });

    test('malformed stream URLs are refused with the field named and nothing stored', {
      skip: !handle,
    }, async () => {
      for (const streamUrl of [
        'javascript:alert(1)',
        'ftp://video.example/x.m3u8',
        '//evil.example/x',
        'video.m3u8',
        'https://a b/x',
        '',
      ]) {
        const error = await refusal(live.saveChannel(siteId, { ...channel, streamUrl, name: 'Changed' }));
        assert.equal(error.problems[0]!.field, 'streamUrl', streamUrl);
      }
      const error = await refusal(live.saveChannel(siteId, { ...channel, backupUrl: 'data:text/html,x' }));
      assert.match(error.message, /backupUrl: must be an http:\/\/ or https:\/\/ URL \(not data:\)/);
      assert.equal((await live.channel(siteId))!.name, 'Daily TV');
    });

    test('programmes are stored and read back; one ending before it starts is refused', {
      skip: !handle,
    }, async () => {
      const morning = await live.createProgramme(
        siteId,
        programme('Morning Report', '2025-10-21T12:00:00Z', '2025-10-21T13:00:00Z', { host: 'A. Host' }),
      );
      assert.equal(morning.title, 'Morning Report');
      assert.equal(morning.host, 'A. Host');
      assert.equal(morning.startsAt.toISOString(), '2025-10-21T12:00:00.000Z');
      const error = await refusal(
        live.createProgramme(siteId, programme('Backwards', '2025-10-21T15:00:00Z', '2025-10-21T14:00:00Z')),
      );
      assert.deepEqual(error.problems, [
        { field: 'endsAt', message: 'must be after startsAt: the programme would end before it starts' },
      ]);
      assert.equal((await live.programmes(siteId)).length, 1);
    });

    test('an overlapping programme is refused, naming the one it overlaps', { skip: !handle }, async () => {
      const error = await refusal(
        live.createProgramme(siteId, programme('Clash', '2025-10-21T12:30:00Z', '2025-10-21T14:00:00Z')),
      );
      assert.equal(error.problems[0]!.field, 'startsAt');
      assert.match(error.problems[0]!.message, /overlaps “Morning Report” \(Tue, Oct 21, 2025, 08:00 EDT/);
      // End to start is no overlap.
      const next = await live.createProgramme(
        siteId,
        programme('Midday', '2025-10-21T13:00:00Z', '2025-10-21T14:00:00Z'),
      );
      assert.equal((await live.programmes(siteId)).length, 2);
      // Moving a programme onto another is refused too; moving it onto itself is fine.
      await refusal(
        live.updateProgramme(next.id, programme('Midday', '2025-10-21T12:59:00Z', '2025-10-21T14:00:00Z')),
      );
      const moved = await live.updateProgramme(
        next.id,
        programme('Midday', '2025-10-21T13:00:00Z', '2025-10-21T14:30:00Z'),
      );
      assert.equal(moved.endsAt.toISOString(), '2025-10-21T14:30:00.000Z');
    });

    test('weekly programmes keep their wall-clock time across the DST change and block overlaps', {
      skip: !handle,
    }, async () => {
      // Saturdays 10:00 to 11:00 New York time, first on 24 October 2026 (EDT).
      const weekly = await live.createProgramme(
        siteId,
        programme('Weekend Review', '2026-10-24T14:00:00Z', '2026-10-24T15:00:00Z', { recurrence: 'weekly' }),
      );
      const airings = await live.airings(
        siteId,
        new Date('2026-10-24T00:00:00Z'),
        new Date('2026-11-15T00:00:00Z'),
      );
      const review = airings.filter((a) => a.programmeId === weekly.id).map((a) => a.startsAt.toISOString());
      // After 1 November the clocks are on EST: 10:00 is 15:00 UTC.
      assert.deepEqual(review, [
        '2026-10-24T14:00:00.000Z',
        '2026-10-31T14:00:00.000Z',
        '2026-11-07T15:00:00.000Z',
        '2026-11-14T15:00:00.000Z',
      ]);
      const error = await refusal(
        live.createProgramme(siteId, programme('One-off', '2026-11-14T15:30:00Z', '2026-11-14T16:00:00Z')),
      );
      assert.match(error.message, /overlaps “Weekend Review” \(Sat, Nov 14, 2026, 10:00 EST/);
      // A weekly programme that would collide with a stored one-off later on is refused as well.
      await live.createProgramme(
        siteId,
        programme('Special', '2026-12-05T16:00:00Z', '2026-12-05T17:00:00Z'),
      );
      await refusal(
        live.createProgramme(
          siteId,
          programme('Brunch', '2026-10-24T15:00:00Z', '2026-10-24T16:30:00Z', { recurrence: 'weekly' }),
        ),
      );
    });

    test('status: on now, up next, and when that changes', { skip: !handle }, async () => {
      const status = (await live.status(siteId, new Date('2025-10-21T12:30:00Z')))!;
      assert.equal(status.live, true);
      assert.equal(status.current?.title, 'Morning Report');
      assert.equal(status.next?.title, 'Midday');
      assert.equal(status.changesAt.toISOString(), '2025-10-21T13:00:00.000Z');
      const between = (await live.status(siteId, new Date('2025-10-21T11:00:00Z')))!;
      assert.equal(between.live, false);
      assert.equal(between.changesAt.toISOString(), '2025-10-21T12:00:00.000Z');
    });

    test('an import replaces the span it covers, all or nothing', { skip: !handle }, async () => {
      const before = await live.programmes(siteId);
      const bad = await refusal(
        live.importProgrammes(siteId, [
          programme('A', '2025-10-21T12:00:00Z', '2025-10-21T13:00:00Z'),
          programme('B', '2025-10-21T12:30:00Z', '2025-10-21T13:30:00Z'),
        ]),
      );
      assert.match(bad.message, /programme\[2\]\.startsAt: “B” overlaps “A”/);
      assert.deepEqual(await live.programmes(siteId), before);
      const result = await live.importProgrammes(siteId, [
        programme('Imported One', '2025-10-21T12:00:00Z', '2025-10-21T13:00:00Z'),
        programme('Imported Two', '2025-10-21T13:00:00Z', '2025-10-21T15:00:00Z'),
      ]);
      assert.equal(result.imported, 2);
      assert.equal(result.replaced, 2);
      const titles = (await live.programmes(siteId, { to: new Date('2026-01-01T00:00:00Z') })).map(
        (p) => p.title,
      );
      assert.deepEqual(titles, ['Imported One', 'Imported Two']);
    });

    test('deleting a programme frees its slot', { skip: !handle }, async () => {
      const [first] = await live.programmes(siteId);
      await live.deleteProgramme(first!.id);
      assert.equal(await live.programme(first!.id), null);
      await assert.rejects(live.deleteProgramme(first!.id), (e: Error) => e instanceof LiveError.NotFound);
    });
  });
}
