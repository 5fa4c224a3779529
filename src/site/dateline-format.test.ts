import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateline } from './dateline-format.ts';

const ny = (iso: string) => formatDateline(new Date(iso), 'America/New_York');

test('summer times are EDT, winter times EST, in the article page format', () => {
  assert.deepEqual(ny('2025-10-21T12:05:00Z'), {
    text: 'Tuesday, 21 October 2025 08:05 AM EDT',
    date: '21 October 2025',
    weekday: 'Tuesday',
    time: '08:05 AM',
    zone: 'EDT',
    iso: '2025-10-21T08:05:00-04:00',
  });
  assert.equal(ny('2025-12-02T17:30:00Z').text, 'Tuesday, 2 December 2025 12:30 PM EST');
  assert.equal(ny('2025-12-02T17:30:00Z').iso, '2025-12-02T12:30:00-05:00');
});

test('the daylight-saving changes fall on the right minute', () => {
  // 2025-03-09: clocks jump from 02:00 EST to 03:00 EDT (07:00 UTC).
  assert.equal(ny('2025-03-09T06:59:00Z').text, 'Sunday, 9 March 2025 01:59 AM EST');
  assert.equal(ny('2025-03-09T07:00:00Z').text, 'Sunday, 9 March 2025 03:00 AM EDT');
  // 2025-11-02: clocks fall back from 02:00 EDT to 01:00 EST (06:00 UTC); 01:30 happens twice.
  assert.equal(ny('2025-11-02T05:30:00Z').iso, '2025-11-02T01:30:00-04:00');
  assert.equal(ny('2025-11-02T06:30:00Z').iso, '2025-11-02T01:30:00-05:00');
  assert.equal(ny('2025-11-02T06:30:00Z').text, 'Sunday, 2 November 2025 01:30 AM EST');
});

test('midnight, noon, month and year ends, and other zones', () => {
  assert.equal(ny('2026-01-01T04:59:00Z').text, 'Wednesday, 31 December 2025 11:59 PM EST');
  assert.equal(ny('2026-01-01T05:00:00Z').text, 'Thursday, 1 January 2026 12:00 AM EST');
  assert.equal(ny('2026-06-30T16:00:00Z').text, 'Tuesday, 30 June 2026 12:00 PM EDT');
  assert.equal(
    formatDateline(new Date('2025-12-31T23:30:00Z'), 'Asia/Kolkata').iso,
    '2026-01-01T05:00:00+05:30',
  );
  assert.equal(formatDateline(new Date('2025-07-01T12:00:00Z'), 'UTC').iso, '2025-07-01T12:00:00+00:00');
});
