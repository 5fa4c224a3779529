import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { instantToWallTime, wallTimeToInstant, zoneAbbreviation } from './time.ts';

describe('wall times in a site zone', () => {
  test('06:00 in New York during daylight time is 10:00 UTC', () => {
    assert.equal(
      wallTimeToInstant('2025-10-22T06:00', 'America/New_York')?.toISOString(),
      '2025-10-22T10:00:00.000Z',
    );
    assert.equal(zoneAbbreviation(new Date('2025-10-22T10:00:00Z'), 'America/New_York'), 'EDT');
  });
  test('in winter it is 11:00 UTC, EST', () => {
    assert.equal(
      wallTimeToInstant('2025-12-01T06:00', 'America/New_York')?.toISOString(),
      '2025-12-01T11:00:00.000Z',
    );
    assert.equal(zoneAbbreviation(new Date('2025-12-01T11:00:00Z'), 'America/New_York'), 'EST');
  });
  test('round trips through the datetime-local form', () => {
    for (const wall of ['2025-03-09T01:30', '2025-03-09T03:30', '2025-11-02T00:59', '2025-12-31T23:59']) {
      assert.equal(instantToWallTime(wallTimeToInstant(wall, 'America/New_York')!, 'America/New_York'), wall);
    }
    assert.equal(instantToWallTime(new Date('2025-06-01T12:00:00Z'), 'Europe/London'), '2025-06-01T13:00');
  });
  test('a time skipped by spring forward lands after the gap; an autumn repeat takes the first', () => {
    assert.equal(
      wallTimeToInstant('2025-03-09T02:30', 'America/New_York')?.toISOString(),
      '2025-03-09T07:30:00.000Z',
    );
    assert.equal(
      wallTimeToInstant('2025-11-02T01:30', 'America/New_York')?.toISOString(),
      '2025-11-02T05:30:00.000Z',
    );
  });
  test('refuses what is not a wall time', () => {
    assert.equal(wallTimeToInstant('tomorrow', 'UTC'), null);
  });
});
