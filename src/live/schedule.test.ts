import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoProgrammes } from './demo-channel.ts';
import type { Channel, Programme } from './model.ts';
import { airingsBetween, firstOverlapWithin, statusAt } from './schedule.ts';
import { addLocalDays, instantOf, startOfLocalDay, wallClock } from './time-zone.ts';

const NY = 'America/New_York';

test('wall-clock times: doubled hours give the first, skipped hours move forward', () => {
  // 1 November 2026, 01:30 happens twice in New York: first at EDT (05:30Z).
  assert.equal(
    new Date(instantOf(Date.UTC(2026, 10, 1, 1, 30), NY)).toISOString(),
    '2026-11-01T05:30:00.000Z',
  );
  // 8 March 2026, 02:30 never happens: it is 03:30 EDT (07:30Z).
  assert.equal(
    new Date(instantOf(Date.UTC(2026, 2, 8, 2, 30), NY)).toISOString(),
    '2026-03-08T07:30:00.000Z',
  );
  // A day across the change is 25 hours long.
  const midnight = startOfLocalDay(Date.parse('2026-11-01T15:00:00Z'), NY);
  assert.equal(new Date(midnight).toISOString(), '2026-11-01T04:00:00.000Z');
  assert.equal(addLocalDays(midnight, 1, NY) - midnight, 25 * 3_600_000);
  assert.equal(new Date(wallClock(midnight, NY)).toISOString(), '2026-11-01T00:00:00.000Z');
});

const channel: Channel = {
  siteId: 1,
  name: 'TV',
  streamUrl: '/x.m3u8',
  backupUrl: null,
  posterUrl: null,
  onAir: true,
  updatedAt: new Date(0),
};

test('the demo week is seven gapless, overlap-free days, also in a week with a DST change', () => {
  for (const now of ['2025-10-21T12:05:00Z', '2026-11-01T12:00:00Z', '2026-03-08T12:00:00Z']) {
    const programmes: Programme[] = demoProgrammes(new Date(now), NY).map((p, i) => ({
      ...p,
      id: i + 1,
      siteId: 1,
    }));
    const from = new Date(Date.parse(now) - 3 * 86_400_000);
    const to = new Date(Date.parse(now) + 30 * 86_400_000);
    const airings = airingsBetween(programmes, from, to, NY);
    assert.equal(firstOverlapWithin(airings), null, now);
    for (let i = 1; i < airings.length; i++) {
      const gap = airings[i]!.startsAt.getTime() - airings[i - 1]!.endsAt.getTime();
      assert.equal(
        gap,
        0,
        `${now}: a gap before ${airings[i]!.title} at ${airings[i]!.startsAt.toISOString()}`,
      );
    }
    assert.equal(statusAt(channel, airings, new Date(now)).live, true);
  }
});

test('the demo schedule is the same for the same now', () => {
  const now = new Date('2026-11-25T15:00:00Z');
  assert.deepEqual(demoProgrammes(now, NY), demoProgrammes(now, NY));
});
