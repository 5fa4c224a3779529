/**
 * Wall-clock arithmetic in a time zone, with Intl only: a weekly programme airs at the same local
 * time every week, so its airings are computed on the wall clock, not by adding 7 × 24 hours.
 */
import { wallClockMs } from '../platform/index.ts';

// Every zone's offset changes only on a quarter hour of UTC, so one reading per quarter hour
// serves every instant in it; schedules ask for the same few quarter hours over and over.
const QUARTER = 900_000;
const offsets = new Map<string, Map<number, number>>();

/** How far the zone's wall clock is ahead of UTC at `ms`. */
export function offsetAt(ms: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const quarter = Math.floor(ms / QUARTER) * QUARTER;
  let offset = zone.get(quarter);
  if (offset === undefined) {
    if (zone.size > 100_000) zone.clear();
    offset = wallClockMs(quarter, timeZone) - quarter;
    zone.set(quarter, offset);
  }
  return offset;
}

/** The wall-clock reading at `ms` in `timeZone`, as if it were a UTC instant. */
export function wallClock(ms: number, timeZone: string): number {
  return ms + offsetAt(ms, timeZone);
}

const DAY = 86_400_000;

/**
 * The instant a wall-clock reading happens in `timeZone`. A reading that happens twice (the hour
 * clocks go back) gives the first; one that never happens (the hour they go forward) is moved
 * forward by the gap, as a clock on the wall would be.
 */
export function instantOf(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((ms) => wallClock(ms, timeZone) === wall)
    .sort((a, b) => a - b);
  return valid[0] ?? wall - before;
}

/** `ms` moved by whole days on the wall clock (a day across a DST change is 23 or 25 hours). */
export function addLocalDays(ms: number, days: number, timeZone: string): number {
  return instantOf(wallClock(ms, timeZone) + days * DAY, timeZone);
}

/** Local midnight at the start of the day `ms` falls on in `timeZone`. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  const wall = wallClock(ms, timeZone);
  return instantOf(wall - (((wall % DAY) + DAY) % DAY), timeZone);
}

const shortFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Tue, Oct 21, 2025, 08:00 EDT": for messages that name a programme's time. */
export function describeLocal(at: Date, timeZone: string): string {
  let formatter = shortFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    shortFormatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}
